package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A would-be candidate asks whether it could win in {@code term} (its current term + 1) before it
 * raises its term (Raft thesis 9.6): its log ends at ({@code lastVersion}, {@code lastTerm}). The
 * voter answers as it would a vote but records nothing, so a master cut off from the majority asks
 * in vain and keeps its term, and cannot depose a working leader once it is back.
 */
public record PreVote(int msgId, long term, long candidate, long lastVersion, long lastTerm) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(candidate).u64(lastVersion).u64(lastTerm);
    }

    public static PreVote decode(int msgId, WireReader r) {
        return new PreVote(msgId, r.u64(), r.u64(), r.u64(), r.u64());
    }
}
