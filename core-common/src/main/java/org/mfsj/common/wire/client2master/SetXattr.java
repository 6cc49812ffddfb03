package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Writes an extended attribute (flags: 1 create only, 2 replace only). */
public record SetXattr(int msgId, Creds creds, long inode, String name, byte[] value, int flags, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public SetXattr(int msgId, Creds creds, long inode, String name, byte[] value, int flags) {
        this(msgId, creds, inode, name, value, flags, 0);
    }

    public static final int MAX_DATA = 64 << 10;

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.str(name);
        w.bytes(value);
        w.u32(flags);
        w.u64(reqId);
    }

    public static SetXattr decode(int msgId, WireReader r) {
        return new SetXattr(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.bytes(MAX_DATA),
                r.u32(),
                r.u64());
    }
}
