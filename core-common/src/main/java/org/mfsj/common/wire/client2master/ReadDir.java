package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Lists a directory after {@code cookie} (0 = from the start). */
public record ReadDir(int msgId, Creds creds, long inode, long cookie, int maxEntries, boolean withAttrs) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(cookie);
        w.u32(maxEntries);
        w.bool(withAttrs);
    }

    public static ReadDir decode(int msgId, WireReader r) {
        return new ReadDir(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u64(),
                r.u32(),
                r.bool());
    }
}
