package org.mfsj.master.ha;

import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
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
        boolean free = terms.votedFor() == 0 || terms.votedFor() == r.candidate();
        boolean grant = r.term() == terms.term() && raft.role() != RaftCore.Role.LEADER && free
                && eligible(r.lastVersion(), r.lastTerm());
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

    /**
     * Whether {@code r} would get this master's vote, were it a candidate: the same rules, but
     * nothing is recorded and the term stays (thesis 9.6). A master that heard its leader a moment
     * ago says no, so a candidate cut off and back cannot start an election a working leader loses.
     */
    PreVoteReply preAnswer(PreVote r) {
        TermStore terms = raft.terms();
        boolean grant = r.term() > terms.term() && !raft.leaderAlive() && eligible(r.lastVersion(), r.lastTerm());
        LOG.debug("master {} {} candidate {} for term {} (its log {}/{})", terms.self(),
                grant ? "would vote for" : "would not vote for", r.candidate(), r.term(), r.lastVersion(),
                r.lastTerm());
        return new PreVoteReply(0, terms.term(), terms.self(), r.term(), grant);
    }

    /**
     * A candidate's log at least as new as this one (last term, then last version). A master that
     * lost its term file may have voted in this term already: until it has caught up with a leader
     * it votes only in a new group's first election (an empty log asks).
     */
    private boolean eligible(long lastVersion, long lastTerm) {
        RaftLog log = raft.log();
        long last = log.lastVersion();
        long ownTerm = log.termAt(last);
        boolean upToDate = lastTerm > ownTerm || lastTerm == ownTerm && lastVersion >= last;
        return upToDate && (!raft.terms().learner() || lastVersion == 0);
    }
}
