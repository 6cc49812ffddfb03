package org.mfsj.master.ha;

import java.time.Clock;
import java.util.Random;

/**
 * When a follower or candidate stands next: a random election timeout restarted by each word from
 * a leader, each vote given and each election, and when a leader was last heard (its read lease
 * counts on this master to vote for no one for the shortest timeout after that). Master thread
 * only; intervals on the injected clock.
 */
final class ElectionTimer {
    private final RaftTiming timing;
    private final Random random;
    private final TermStore terms;
    private final Clock clock;
    private long deadline;
    /** When a leader was last heard from (by this life or an earlier one of this process). */
    private long leaderContact;
    private long lastTick;

    ElectionTimer(RaftTiming timing, Random random, TermStore terms, Clock clock, boolean preferred) {
        this.timing = timing;
        this.random = random;
        this.terms = terms;
        this.clock = clock;
        long now = clock.millis();
        lastTick = now;
        deadline = now + (preferred ? timing.preferredFirst().toMillis() : randomTimeout());
        leaderContact = terms.leaderContact();
        if (leaderContact == Long.MIN_VALUE && terms.term() > 0) {
            // a restart: this master may have answered a leader just before it stopped, and that
            // leader's read lease counts on it to vote for no one for a while (ReadLease)
            leaderContact = now;
        }
        terms.leaderContact(leaderContact);
        if (leaderContact != Long.MIN_VALUE) {
            deadline = Math.max(deadline, leaderContact + timing.electionMin().toMillis());
        }
    }

    /**
     * A tick at {@code now}; true when the timeout ran out. A master that was stopped (SIGSTOP, a
     * long pause) between ticks does not stand at once: the silence was its own, not the leader's,
     * and standing would only depose a leader whose messages wait unread.
     */
    boolean due(long now, boolean leading) {
        long sinceTick = now - lastTick;
        lastTick = now;
        if (!leading && sinceTick > timing.electionMin().toMillis()) {
            deadline = Math.max(deadline, now + randomTimeout());
        }
        return !leading && now >= deadline;
    }

    /** A new random timeout from now: an election started, a vote was given, or leading ended. */
    void restart() {
        deadline = clock.millis() + randomTimeout();
    }

    /** A leader was heard from now. */
    void heardLeader() {
        leaderContact = clock.millis();
        terms.leaderContact(leaderContact);
        deadline = leaderContact + randomTimeout();
    }

    /** Whether a leader was heard within the shortest election timeout. */
    boolean leaderHeardLately() {
        return leaderContact != Long.MIN_VALUE && clock.millis() - leaderContact < timing.electionMin().toMillis();
    }

    private long randomTimeout() {
        long min = timing.electionMin().toMillis();
        long span = timing.electionMax().toMillis() - min;
        return min + (span > 0 ? (long) (random.nextDouble() * span) : 0);
    }
}
