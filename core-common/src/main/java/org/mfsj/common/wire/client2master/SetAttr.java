package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Changes the attributes named in {@code mask} (see SetAttrMask); LENGTH truncates or extends. */
public record SetAttr(int msgId, Creds creds, long inode, int mask, int mode, int uid, int gid, long atimeNanos, long mtimeNanos, long length, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public SetAttr(int msgId, Creds creds, long inode, int mask, int mode, int uid, int gid, long atimeNanos, long mtimeNanos, long length) {
        this(msgId, creds, inode, mask, mode, uid, gid, atimeNanos, mtimeNanos, length, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u32(mask);
        w.u32(mode);
        w.u32(uid);
        w.u32(gid);
        w.u64(atimeNanos);
        w.u64(mtimeNanos);
        w.u64(length);
        w.u64(reqId);
    }

    public static SetAttr decode(int msgId, WireReader r) {
        return new SetAttr(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u32(),
                r.u32(),
                r.u32(),
                r.u32(),
                r.u64(),
                r.u64(),
                r.u64(),
                r.u64());
    }
}
