package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** May {@code creds} do {@code mask} (4 read, 2 write, 1 execute/search) on the inode? As access(2). */
public record CheckAccess(int msgId, Creds creds, long inode, int mask) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u8(mask);
    }

    public static CheckAccess decode(int msgId, WireReader r) {
        return new CheckAccess(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u8());
    }
}
