package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** A candidate asks for a vote in {@code term}; its log ends at ({@code lastVersion}, {@code lastTerm}). */
public record RequestVote(int msgId, long term, long candidate, long lastVersion, long lastTerm) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(candidate).u64(lastVersion).u64(lastTerm);
    }

    public static RequestVote decode(int msgId, WireReader r) {
        return new RequestVote(msgId, r.u64(), r.u64(), r.u64(), r.u64());
    }
}
