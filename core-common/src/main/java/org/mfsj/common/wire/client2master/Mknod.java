package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Creates a file, fifo, socket or device node. */
public record Mknod(int msgId, Creds creds, long parent, String name, FileType type, int mode, int rdev, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Mknod(int msgId, Creds creds, long parent, String name, FileType type, int mode, int rdev) {
        this(msgId, creds, parent, name, type, mode, rdev, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.u8(type.code());
        w.u32(mode);
        w.u32(rdev);
        w.u64(reqId);
    }

    public static Mknod decode(int msgId, WireReader r) {
        return new Mknod(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                TypeCodecs.fileType(r),
                r.u32(),
                r.u32(),
                r.u64());
    }
}
