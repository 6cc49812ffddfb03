package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Asks the leader to send a {@link VersionNotice} on this connection ahead of any reply that follows
 * a newer metadata version, so the client knows which version a follower must have applied to show
 * it its own changes. Answered with a StatusReply.
 */
public record WatchVersions(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static WatchVersions decode(int msgId, WireReader r) {
        return new WatchVersions(msgId);
    }
}
