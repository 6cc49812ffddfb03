package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Copies a file or tree to {@code name} in {@code dstParent} in metadata only (chunks shared until
 * written); answered with a {@link CountReply} of the inodes made.
 */
public record Snapshot(int msgId, Creds creds, long source, long dstParent, String name, long reqId)
        implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(source);
        w.u64(dstParent);
        w.str(name);
        w.u64(reqId);
    }

    public static Snapshot decode(int msgId, WireReader r) {
        return new Snapshot(msgId, TypeCodecs.creds(r), r.u64(), r.u64(), r.str(), r.u64());
    }
}
