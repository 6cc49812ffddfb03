package org.mfsj.master.ha;

import java.time.Clock;
import java.util.List;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendReply;

/**
 * The leader's side of replication inside the consensus core: what each follower is sent and has
 * acknowledged, commit by majority, and the read lease those acknowledgements prove. Started anew
 * with each leadership; master thread only. See the package documentation for why it is safe.
 */
final class LeaderReplication {
    /** Entries a follower catching up may be sent ahead of its acknowledgements. */
    static final int WINDOW = 4 * AppendEntries.MAX_ENTRIES;

    private final RaftCore raft;
    private final Clock clock;
    private final ReadLease lease;
    private final String selfClients;
    private Progress progress;
    /** Tell followers of each commit at once (they serve reads), not only at the next heartbeat. */
    private boolean pushCommits;
    /** Entries were appended and {@link #onAppended()} is queued to send them. */
    private boolean sendQueued;
    /** The newest version sent on to the followers when it was appended. */
    private long sentOnAppend;
    /**
     * Entries appended while this master's own force of those sent before was running: they go to
     * the followers when that force ends, together, which is when this master's changelog takes
     * them into its next force too. So a follower gets one message per leader force rather than
     * one per master task, and forces, applies and acknowledges them as one batch.
     */
    private boolean deferred;
    /** AppendEntries messages sent and the entries in them (benchmarks: batching per message). */
    private long appendsSent;
    private long entriesSent;

    LeaderReplication(RaftCore raft, Clock clock, long electionMinMillis, String selfClients) {
        this.raft = raft;
        this.clock = clock;
        this.lease = new ReadLease(electionMinMillis);
        this.selfClients = selfClients;
    }

    /** This master leads from now on; every follower is taken to need entries after its log. */
    void start(int peers) {
        progress = new Progress(peers, raft.log().lastVersion(), clock.millis());
        sentOnAppend = 0;
        deferred = false;
        lease.restart(peers);
    }

    /**
     * Taking up leadership is done: the time it held the master thread, when no answer could be
     * read, is not the followers' silence (else a slow set-up would make this leader step down at
     * its first tick, before it sent anything).
     */
    void setUp() {
        progress.heardNoEarlierThan(clock.millis());
    }

    void grow(int peers) {
        if (progress != null) {
            progress.grow(peers);
        }
        lease.grow(peers);
    }

    Progress progress() {
        return progress;
    }

    boolean leaseValid(Quorum quorum) {
        return lease.valid(quorum, clock.millis());
    }

    long[] sendStats() {
        return new long[] {appendsSent, entriesSent};
    }

    void pushCommits() {
        pushCommits = true;
    }

    void sendQueued() {
        sendQueued = true;
    }

    void onAppended() {
        sendQueued = false;
        if (raft.log().localDurable() < sentOnAppend) {
            deferred = true;
            return;
        }
        sendAppended();
    }

    private void sendAppended() {
        deferred = false;
        sentOnAppend = raft.log().lastVersion();
        List<Integer> targets = List.copyOf(raft.quorum().targets());
        if (targets.size() > 1 && standTogether(targets)) {
            replicate(targets, false);
            return;
        }
        for (int p : targets) {
            replicate(p, false);
        }
    }

    /**
     * The followers stand at the same next version and may all be sent entries: they get the same
     * message, encoded once (a wire frame is the same bytes whoever it goes to).
     */
    private boolean standTogether(List<Integer> peers) {
        long next = progress.next(peers.get(0));
        for (int p : peers) {
            if (progress.next(p) != next || !maySendEntries(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code peer} may be sent entries now. A follower in step with this leader has one
     * message of entries in flight at a time: what is appended meanwhile gathers here and leaves as
     * one message when it acknowledges, so under many clients a message carries more entries and a
     * follower pays its per-message costs (a wake-up, a force, an acknowledgement) for more of
     * them. A follower catching up (more than a message's worth behind) has up to {@link #WINDOW}
     * entries in flight, so a long log is not sent one round trip per message. When entries are
     * sent never bears on safety (see the package documentation).
     */
    private boolean maySendEntries(int peer) {
        long inFlight = progress.next(peer) - 1 - progress.match(peer);
        if (inFlight <= 0) {
            return true;
        }
        long behind = raft.log().lastVersion() - progress.match(peer);
        return behind > AppendEntries.MAX_ENTRIES && inFlight < WINDOW;
    }

    /** This master's own copy moved on: what waited for that force goes out, then commit may move. */
    void onLocalDurable() {
        if (deferred) {
            sendAppended();
        }
        advanceCommit();
    }

    void replicate(int peer, boolean heartbeat) {
        replicate(List.of(peer), heartbeat);
    }

    /** Sends {@code peers}, which all stand at the same next version, the same message. */
    private void replicate(List<Integer> peers, boolean heartbeat) {
        RaftLog log = raft.log();
        int first = peers.get(0);
        long next = progress.next(first);
        if (next <= log.floor()) {
            // the entries it needs are no longer kept here: the image holds them
            peers.forEach(raft.events()::sendImage);
            return;
        }
        long last = log.lastVersion();
        List<AppendEntries.Entry> entries = List.of();
        if (next <= last && (peers.size() > 1 || maySendEntries(first))) {
            entries = log.entriesFrom(next, AppendEntries.MAX_ENTRIES);
        }
        if (entries.isEmpty() && !heartbeat) {
            return;
        }
        long prev = next - 1;
        AppendEntries m = new AppendEntries(lease.stamp(clock.millis()), raft.term(), raft.self(), selfClients, prev,
                log.termAt(prev), raft.commitVersion(), entries);
        if (peers.size() == 1) {
            raft.events().send(first, m);
        } else {
            raft.events().sendToAll(peers, m);
        }
        for (int p : peers) {
            appendsSent++;
            entriesSent += entries.size();
            progress.sent(p, prev + entries.size());
        }
    }

    /** A connection to {@code peer} was (re)made: what was in flight on the old one is lost. */
    void onConnected(int peer) {
        progress.resend(peer);
        replicate(peer, true);
    }

    /** A follower's answer in this leader's term. */
    void onReply(int peer, AppendReply r) {
        long now = clock.millis();
        lease.answered(peer, r.msgId());
        if (r.success()) {
            progress.matched(peer, r.matchVersion(), now);
            advanceCommit();
            if (!sendQueued && !deferred) {
                replicate(peer, false);
            }
        } else {
            progress.rejected(peer, r.lastVersion(), now);
            replicate(peer, true);
        }
    }

    void advanceCommit() {
        RaftLog log = raft.log();
        long m = progress.majorityMatch(raft.quorum(), log.localDurable());
        // only an entry of the leader's own term commits by counting (Raft, figure 8)
        if (m > raft.commitVersion() && log.termAt(m) == raft.term()) {
            raft.commitTo(m);
            if (pushCommits) {
                for (int p : raft.quorum().targets()) {
                    if (progress.next(p) > log.lastVersion()) {
                        replicate(p, true);
                    }
                }
            }
        }
    }
}
