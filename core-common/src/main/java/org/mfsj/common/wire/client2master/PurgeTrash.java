package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Frees a file in trash now; inode 0 = every file in trash the caller may purge. Answered with a
 * {@link CountReply} of how many went.
 */
public record PurgeTrash(int msgId, Creds creds, long inode, long reqId) implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(reqId);
    }

    public static PurgeTrash decode(int msgId, WireReader r) {
        return new PurgeTrash(msgId, TypeCodecs.creds(r), r.u64(), r.u64());
    }
}
