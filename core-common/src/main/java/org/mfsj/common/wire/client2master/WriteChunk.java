package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Opens chunk {@code index} of a file for writing: the master creates it or bumps its version and returns the chain. */
public record WriteChunk(int msgId, Creds creds, long inode, int index) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u32(index);
    }

    public static WriteChunk decode(int msgId, WireReader r) {
        return new WriteChunk(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u32());
    }
}
