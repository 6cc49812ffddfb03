package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The voter's current {@code term} and whether it would vote for the candidate in
 * {@code forTerm} (the term the {@link PreVote} named); nothing was recorded either way.
 */
public record PreVoteReply(int msgId, long term, long voter, long forTerm, boolean granted) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(voter).u64(forTerm).bool(granted);
    }

    public static PreVoteReply decode(int msgId, WireReader r) {
        return new PreVoteReply(msgId, r.u64(), r.u64(), r.u64(), r.bool());
    }
}
