package org.mfsj.master.ha;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's side of replication inside the consensus core: append the leader's entries where
 * its log matches (cutting a conflicting uncommitted tail), acknowledge what is durable here, and,
 * for a learner, take up voting once caught up. See the package documentation for why it is safe.
 */
final class FollowerRule {
    private static final Logger LOG = LoggerFactory.getLogger(FollowerRule.class);

    private final RaftCore raft;
    /** What the current leader's entries match up to, and where to acknowledge. */
    private long matchedFromLeader;
    private Consumer<Message> ackTo;
    /** The id of the leader's newest message taken in, echoed in every answer (its read lease). */
    private int heardMsgId;
    /** Acknowledged to the current leader, from either thread (see {@link DurableAcks}). */
    private AtomicLong acked = new AtomicLong();
    private final DurableAcks durableAcks = new DurableAcks();
    /** When this master last answered the leader from the master thread (elapsed millis). */
    private long answeredAt = Long.MIN_VALUE;
    /** A learner (see {@link TermStore#learner()}): the leader's commit when first heard; -1 before. */
    private long joinAt = -1;

    FollowerRule(RaftCore raft) {
        this.raft = raft;
    }

    /** Another leader is followed: nothing acknowledged to it yet. */
    void newLeader() {
        durableAcks.close();
        acked = new AtomicLong();
        matchedFromLeader = 0;
        joinAt = -1;
    }

    /** A higher term: no leader to acknowledge to until one is heard. */
    void forget() {
        durableAcks.close();
        ackTo = null;
        joinAt = -1;
    }

    /** Acknowledges from the changelog's thread as soon as a force completes. */
    DurableAcks durableAcks() {
        return durableAcks;
    }

    /** Before the term changes or this master stands: no acknowledgement may leave under the old term. */
    void stopAcks() {
        durableAcks.close();
    }

    void onAppendEntries(AppendEntries a, Consumer<Message> replyTo) {
        raft.observe(a.term());
        RaftLog log = raft.log();
        long self = raft.terms().self();
        if (a.term() < raft.term()) {
            replyTo.accept(new AppendReply(a.msgId(), raft.term(), self, false, 0, log.lastVersion()));
            return;
        }
        if (raft.role() == RaftCore.Role.LEADER) {
            // two leaders in one term would take two majorities of votes: a bug, never obeyed
            LOG.error("master {} leads term {} and got entries from master {} in the same term; ignored", self,
                    a.term(), a.leader());
            return;
        }
        raft.follow(a.leader(), a.leaderClients(), a.term());
        heardMsgId = a.msgId();
        if (joinAt < 0) {
            joinAt = a.commitVersion();
        }
        long prev = a.prevVersion();
        if (prev < log.floor()) {
            // up to the floor this log is committed history (an image holds it), so it matches
            matchedFromLeader = Math.max(matchedFromLeader, log.floor());
            answerTo(replyTo);
            ack(true);
            return;
        }
        if (prev > log.lastVersion() || log.termAt(prev) != a.prevTerm()) {
            long hint = prev > log.lastVersion() ? log.lastVersion() : log.termStart(prev) - 1;
            replyTo.accept(new AppendReply(heardMsgId, raft.term(), self, false, 0,
                    Math.max(0, Math.min(hint, prev - 1))));
            return;
        }
        if (!appendNew(prev, a.entries())) {
            return;
        }
        raft.images().entriesMatched();
        matchedFromLeader = Math.max(matchedFromLeader, prev + a.entries().size());
        raft.commitTo(Math.min(a.commitVersion(), prev + a.entries().size()));
        answerTo(replyTo);
        // an answer at least once per heartbeat period, even while a slow force (a loaded disk)
        // holds back the acknowledgements: the leader must hear a majority to keep leading and
        // to keep its read lease, and with one follower left that is this one
        ack(a.entries().isEmpty() || answeredAt == Long.MIN_VALUE
                || raft.millis() - answeredAt >= raft.heartbeatMillis());
    }

    /** Skips entries already held with the same term, cuts at the first conflict, appends the rest. */
    private boolean appendNew(long prev, List<AppendEntries.Entry> entries) {
        RaftLog log = raft.log();
        int skip = 0;
        while (skip < entries.size()) {
            long v = prev + 1 + skip;
            if (v > log.lastVersion()) {
                break;
            }
            if (log.termAt(v) != entries.get(skip).term()) {
                if (v <= raft.commitVersion()) {
                    throw new IllegalStateException("leader conflicts with committed version " + v);
                }
                LOG.warn("master {} drops its entries after {}: the leader of term {} has others", raft.self(), v - 1,
                        raft.term());
                durableAcks.close();
                if (!log.truncateAfter(v - 1)) {
                    raft.events().reloadNeeded();
                    return false;
                }
                matchedFromLeader = Math.min(matchedFromLeader, v - 1);
                long cut = v - 1;
                acked.updateAndGet(x -> Math.min(x, cut));
                break;
            }
            skip++;
        }
        if (skip < entries.size()) {
            log.appendFromLeader(prev + 1 + skip, entries.subList(skip, entries.size()));
        }
        return true;
    }

    /** The leader's entries are appended up to {@code matchedFromLeader}: acknowledge there once durable. */
    private void answerTo(Consumer<Message> replyTo) {
        ackTo = replyTo;
        durableAcks.open(raft.term(), raft.self(), heardMsgId, replyTo, matchedFromLeader, acked);
    }

    /** Acknowledges what is durable here and matches the leader ({@code always}: even if nothing new). */
    void ack(boolean always) {
        RaftLog log = raft.log();
        boolean following = raft.role() == RaftCore.Role.FOLLOWER;
        long match = Math.min(log.localDurable(), matchedFromLeader);
        if (ackTo != null && following && (DurableAcks.raise(acked, match) || always)) {
            ackTo.accept(new AppendReply(heardMsgId, raft.term(), raft.self(), true, match, log.lastVersion()));
            answeredAt = raft.millis();
        }
        if (raft.terms().learner() && following && raft.leaderId() != 0 && joinAt >= 0 && match >= joinAt) {
            join();
        }
    }

    /**
     * A learner caught up with the leader of the current term: it takes up voting, its vote in
     * this term given to that leader (already elected without it), so it never votes twice in a
     * term it may have voted in before it lost its term file.
     */
    private void join() {
        TermStore terms = raft.terms();
        terms.save(terms.term(), terms.votedFor() == 0 ? raft.leaderId() : terms.votedFor());
        terms.joined();
        LOG.info("master {} caught up with leader {} at version {} and votes from term {} on", terms.self(),
                raft.leaderId(), joinAt, raft.term());
    }
}
