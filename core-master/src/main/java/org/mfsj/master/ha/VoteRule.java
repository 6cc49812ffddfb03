package org.mfsj.master.ha;

import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.VoteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voter's side of an election inside the consensus core: whether a candidate gets this master's
 * vote. See the package documentation for why one vote per term and the log check make it safe.
 */
final class VoteRule {
    private static final Logger LOG = LoggerFactory.getLogger(VoteRule.class);

    private final RaftCore raft;

    VoteRule(RaftCore raft) {
        this.raft = raft;
    }

    /** The answer to {@code r}; the vote is durable before it is returned. */
    VoteReply answer(RequestVote r) {
        TermStore terms = raft.terms();
        if (r.term() > terms.term() && !r.handOver() && raft.leaderAlive()) {
            // Raft thesis 4.2.3: with a leader heard a moment ago, a candidate is a master removed from
            // the voters or one back from a cut; its higher term would only depose a working leader
            LOG.debug("master {} ignores candidate {} in term {}: its leader is alive", terms.self(), r.candidate(),
                    r.term());
            return new VoteReply(0, terms.term(), terms.self(), false);
        }
        raft.observe(r.term());
        RaftLog log = raft.log();
        long last = log.lastVersion();
        long lastTerm = log.termAt(last);
        boolean upToDate = r.lastTerm() > lastTerm || r.lastTerm() == lastTerm && r.lastVersion() >= last;
        boolean free = terms.votedFor() == 0 || terms.votedFor() == r.candidate();
        // a master that lost its term file may have voted in this term already: until it has caught
        // up with a leader it votes only in a new group's first election (an empty log asks)
        boolean mayVote = !terms.learner() || r.lastVersion() == 0;
        boolean grant = r.term() == terms.term() && raft.role() != RaftCore.Role.LEADER && free && upToDate
                && mayVote;
        if (grant) {
            if (terms.votedFor() != r.candidate()) {
                terms.save(r.term(), r.candidate());
            }
            raft.voted();
        }
        LOG.info("master {} {} vote to {} in term {} (its log {}/{}, ours {}/{})", terms.self(),
                grant ? "gives its" : "refuses its", r.candidate(), r.term(), r.lastVersion(), r.lastTerm(), last,
                lastTerm);
        return new VoteReply(0, terms.term(), terms.self(), grant);
    }
}
