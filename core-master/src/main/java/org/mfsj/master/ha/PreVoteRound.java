package org.mfsj.master.ha;

import java.util.HashSet;
import java.util.Set;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A would-be candidate's pre-vote (Raft thesis 9.6): before it raises its term it asks the voters
 * whether they would vote for it, and stands only if a majority would. A master cut off from the
 * majority therefore keeps its term, and when it is back its term does not depose the leader the
 * others kept. The voters record nothing, so a pre-vote changes no term and no vote: the safety
 * argument is the election's own. Master thread only.
 */
final class PreVoteRound {
    private static final Logger LOG = LoggerFactory.getLogger(PreVoteRound.class);

    private final RaftCore raft;
    /** The term asked about; 0 when no round runs. */
    private long forTerm;
    private final Set<Integer> granted = new HashSet<>();

    PreVoteRound(RaftCore raft) {
        this.raft = raft;
    }

    /** Asks every voter; stands at once when this master alone is a majority. */
    void start() {
        forTerm = raft.term() + 1;
        granted.clear();
        RaftLog log = raft.log();
        long last = log.lastVersion();
        LOG.info("master {} asks whether it could win term {} (log ends at {} of term {})", raft.self(), forTerm,
                last, log.termAt(last));
        for (int p : raft.quorum().voters()) {
            raft.events().send(p, new PreVote(0, forTerm, raft.self(), last, log.termAt(last)));
        }
        standIfMajority();
    }

    /** A leader was heard, or this master stood or saw a higher term: the round is over. */
    void cancel() {
        forTerm = 0;
    }

    void onReply(int peer, PreVoteReply r) {
        raft.observe(r.term());
        if (forTerm == 0 || r.forTerm() != forTerm || forTerm != raft.term() + 1
                || raft.role() == RaftCore.Role.LEADER || !r.granted() || !raft.quorum().votes(peer)) {
            return;
        }
        granted.add(peer);
        standIfMajority();
    }

    private void standIfMajority() {
        if (raft.quorum().isMajority(granted.size(), true)) {
            forTerm = 0;
            raft.startElection(false);
        }
    }
}
