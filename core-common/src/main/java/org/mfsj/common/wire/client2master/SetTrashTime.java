package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Sets how many seconds deleted files stay in trash (0 = none); answered with a {@link CountReply}. */
public record SetTrashTime(int msgId, Creds creds, long inode, long seconds, boolean recursive, long reqId)
        implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(seconds);
        w.bool(recursive);
        w.u64(reqId);
    }

    public static SetTrashTime decode(int msgId, WireReader r) {
        return new SetTrashTime(msgId, TypeCodecs.creds(r), r.u64(), r.u64(), r.bool(), r.u64());
    }
}
