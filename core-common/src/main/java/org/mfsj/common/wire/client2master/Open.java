package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Opens a regular file for this session: the master checks read/write permission, counts the
 * open for the session and answers the file's attributes. Every open is paired with a
 * {@link Release}.
 */
public record Open(int msgId, Creds creds, long inode, boolean read, boolean write) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.bool(read);
        w.bool(write);
    }

    public static Open decode(int msgId, WireReader r) {
        return new Open(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.bool(),
                r.bool());
    }
}
