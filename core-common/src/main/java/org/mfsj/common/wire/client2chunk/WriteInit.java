package org.mfsj.common.wire.client2chunk;

import java.util.List;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Starts a write session on this connection; {@code chain} lists the servers after this one. */
public record WriteInit(int msgId, long chunkId, int version, List<ServerAddress> chain) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
        w.list(chain, TypeCodecs::address);
    }

    public static WriteInit decode(int msgId, WireReader r) {
        return new WriteInit(msgId,
                r.u64(),
                r.u32(),
                r.list(64, 4, TypeCodecs::address));
    }
}
