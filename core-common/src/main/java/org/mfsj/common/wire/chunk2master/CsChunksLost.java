package org.mfsj.common.wire.chunk2master;

import java.util.List;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Copies gone with a failed disk. */
public record CsChunksLost(int msgId, List<Long> chunkIds) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.list(chunkIds, WireWriter::u64);
    }

    public static CsChunksLost decode(int msgId, WireReader r) {
        return new CsChunksLost(msgId,
                r.list(1_000_000, 8, WireReader::u64));
    }
}
