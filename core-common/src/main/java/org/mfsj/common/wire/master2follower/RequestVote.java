package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A candidate asks for a vote in {@code term}; its log ends at ({@code lastVersion}, {@code lastTerm}).
 * {@code handOver}: it stands because the leader told it to (a planned hand-over), so a master that
 * heard from that leader a moment ago votes all the same.
 */
public record RequestVote(int msgId, long term, long candidate, long lastVersion, long lastTerm, boolean handOver)
        implements Message {
    /** An ordinary candidacy. */
    public RequestVote(int msgId, long term, long candidate, long lastVersion, long lastTerm) {
        this(msgId, term, candidate, lastVersion, lastTerm, false);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(candidate).u64(lastVersion).u64(lastTerm).bool(handOver);
    }

    public static RequestVote decode(int msgId, WireReader r) {
        return new RequestVote(msgId, r.u64(), r.u64(), r.u64(), r.u64(), r.remaining() > 0 && r.bool());
    }
}
