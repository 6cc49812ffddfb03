package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Follower to the master that connected to it, once per connection: who it is and where its
 * clients reach it, so an operator can name it by that address (leadership transfer).
 */
public record FollowerHello(int msgId, long term, long follower, String clientsAt) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(follower).str(clientsAt);
    }

    public static FollowerHello decode(int msgId, WireReader r) {
        return new FollowerHello(msgId, r.u64(), r.u64(), r.str());
    }
}
