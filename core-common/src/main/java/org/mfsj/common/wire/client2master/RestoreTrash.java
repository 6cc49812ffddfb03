package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Puts a file in trash back at its old path; answered with an {@link EntryReply}. */
public record RestoreTrash(int msgId, Creds creds, long inode, long reqId) implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(reqId);
    }

    public static RestoreTrash decode(int msgId, WireReader r) {
        return new RestoreTrash(msgId, TypeCodecs.creds(r), r.u64(), r.u64());
    }
}
