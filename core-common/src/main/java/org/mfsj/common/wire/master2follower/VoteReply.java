package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The voter's term and whether it voted for the candidate in that term. */
public record VoteReply(int msgId, long term, long voter, boolean granted) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(voter).bool(granted);
    }

    public static VoteReply decode(int msgId, WireReader r) {
        return new VoteReply(msgId, r.u64(), r.u64(), r.bool());
    }
}
