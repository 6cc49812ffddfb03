package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Moves an entry, replacing the target as POSIX rename does. */
public record Rename(int msgId, Creds creds, long srcParent, String srcName, long dstParent, String dstName, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Rename(int msgId, Creds creds, long srcParent, String srcName, long dstParent, String dstName) {
        this(msgId, creds, srcParent, srcName, dstParent, dstName, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(srcParent);
        w.str(srcName);
        w.u64(dstParent);
        w.str(dstName);
        w.u64(reqId);
    }

    public static Rename decode(int msgId, WireReader r) {
        return new Rename(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u64(),
                r.str(),
                r.u64());
    }
}
