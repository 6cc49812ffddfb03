package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Chunks of a file and their copies. */
public record FileInfoReply(int msgId, Status status, List<ChunkReport> chunks) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.list(chunks, TypeCodecs::chunkReport);
    }

    public static FileInfoReply decode(int msgId, WireReader r) {
        return new FileInfoReply(msgId,
                TypeCodecs.status(r),
                r.list(1_000_000, 21, TypeCodecs::chunkReport));
    }
}
