package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Client to follower, unasked (message id 0): answer the reads that follow on this connection only
 * from metadata at {@code version} or later (read-your-writes).
 */
public record ReadFence(int msgId, long version) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(version);
    }

    public static ReadFence decode(int msgId, WireReader r) {
        return new ReadFence(msgId, r.u64());
    }
}
