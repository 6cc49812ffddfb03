package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.MessageFamily;

/**
 * Master to master: elections and changelog replication (Raft's RequestVote and AppendEntries), and
 * the image for a follower too far behind (InstallSnapshot).
 * Every message carries the sender's term, so a stale master is recognised by the first message
 * it sends or receives. All messages are one-way: an answer is a message of its own on the same
 * connection, matched by content, not by message id. Types 3000-3999, stable.
 */
public final class FollowerProtocol {
    public static final MessageFamily FAMILY = new MessageFamily("master<->follower")
            .add(3001, RequestVote.class, RequestVote::decode)
            .add(3002, VoteReply.class, VoteReply::decode)
            .add(3003, AppendEntries.class, AppendEntries::decode)
            .add(3004, AppendReply.class, AppendReply::decode)
            .add(3005, ImagePart.class, ImagePart::decode)
            .add(3006, ImageReply.class, ImageReply::decode)
            // 3005-3009: image transfer; 3010-3019: leadership transfer and shadows
            .add(3010, TimeoutNow.class, TimeoutNow::decode)
            .add(3011, FollowerHello.class, FollowerHello::decode)
            // 3020-3029: elections without disruption
            .add(3020, PreVote.class, PreVote::decode)
            .add(3021, PreVoteReply.class, PreVoteReply::decode);

    private FollowerProtocol() {
    }
}
