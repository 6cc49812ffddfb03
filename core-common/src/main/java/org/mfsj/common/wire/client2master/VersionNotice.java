package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Leader to client, unasked (message id 0): every reply that follows on this connection is for a
 * change at or below {@code version}, which is committed.
 */
public record VersionNotice(int msgId, long version) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(version);
    }

    public static VersionNotice decode(int msgId, WireReader r) {
        return new VersionNotice(msgId, r.u64());
    }
}
