package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Sets the number of copies wanted. */
public record SetGoal(int msgId, Creds creds, long inode, int goal, boolean recursive, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public SetGoal(int msgId, Creds creds, long inode, int goal, boolean recursive) {
        this(msgId, creds, inode, goal, recursive, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u32(goal);
        w.bool(recursive);
        w.u64(reqId);
    }

    public static SetGoal decode(int msgId, WireReader r) {
        return new SetGoal(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u32(),
                r.bool(),
                r.u64());
    }
}
