package org.mfsj.master.ha;

import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raft's leadership transfer inside the consensus core: the leader waits until the target holds its
 * whole log, then tells it to stand at once ({@code TimeoutNow}); the target stands only when the
 * word comes from the leader it follows in the current term. See {@link LeaderTransfer} for the
 * operator's side (holding client requests, the deadline).
 */
final class HandOverRule {
    private static final Logger LOG = LoggerFactory.getLogger(HandOverRule.class);

    private final RaftCore raft;
    /** The peer leadership is being handed to (-1: none), and whom to tell once it was told. */
    private int target = -1;
    private Runnable told;

    HandOverRule(RaftCore raft) {
        this.raft = raft;
    }

    void start(int peer, Runnable sent) {
        if (raft.role() != RaftCore.Role.LEADER) {
            throw new IllegalStateException("only the leader hands leadership over");
        }
        target = peer;
        told = sent;
        raft.replicate(peer, true);
        tryNow();
    }

    void cancel() {
        target = -1;
        told = null;
    }

    /** Tells the target to stand once it holds every entry of this log. */
    void tryNow() {
        if (target < 0 || raft.progress().match(target) < raft.log().lastVersion()) {
            return;
        }
        int peer = target;
        Runnable sent = told;
        cancel();
        LOG.info("master {} hands leadership of term {} to peer {} (it holds version {})", raft.self(), raft.term(),
                peer, raft.progress().match(peer));
        raft.events().send(peer, new TimeoutNow(0, raft.term(), raft.self()));
        sent.run();
        // the target holds exactly this log: an entry landing here now (a chunkserver's report, a
        // closed session, anything not held with the clients' requests) would make the other
        // masters refuse it their votes and elect this master again. Stepping down seals the log,
        // and a leader that no longer leads holds no read lease the target's election could break.
        raft.stepDownForHandOver();
    }

    /** Follower: the leader hands leadership over to this master; it stands for election now. */
    void onTimeoutNow(TimeoutNow t) {
        raft.observe(t.term());
        if (t.term() != raft.term() || raft.role() != RaftCore.Role.FOLLOWER || t.leader() != raft.leaderId()
                || !raft.quorum().selfVotes()) {
            LOG.warn("master {} ignores a hand-over from master {} in term {} (it is {} in term {}, following {})",
                    raft.self(), t.leader(), t.term(), raft.role(), raft.term(), raft.leaderId());
            return;
        }
        LOG.info("master {} takes over from master {} in term {}", raft.self(), t.leader(), t.term());
        raft.startElection(true);
    }
}
