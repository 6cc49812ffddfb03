package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Sets a directory's quota limits (0 = none; all 0 removes it); answered with a {@link StatusReply}. */
public record SetQuota(int msgId, Creds creds, long inode, long softBytes, long hardBytes, long softInodes,
        long hardInodes, long reqId) implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode).u64(softBytes).u64(hardBytes).u64(softInodes).u64(hardInodes).u64(reqId);
    }

    public static SetQuota decode(int msgId, WireReader r) {
        return new SetQuota(msgId, TypeCodecs.creds(r), r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64());
    }
}
