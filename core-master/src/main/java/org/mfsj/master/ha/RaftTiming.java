package org.mfsj.master.ha;

import java.time.Duration;

/**
 * Election and heartbeat periods. A follower that hears no leader for a random time between
 * {@code electionMin} and {@code electionMax} stands for election; the randomness makes two
 * candidates splitting the vote unlikely twice in a row. The heartbeat must be well below
 * {@code electionMin}. A preferred master (MASTER_STATE = 1) stands first at start-up, after
 * {@code preferredFirst}, so the configured active master normally leads.
 */
public record RaftTiming(Duration electionMin, Duration electionMax, Duration heartbeat, Duration preferredFirst) {
    /** On loopback or a LAN: a dead leader is replaced within about two seconds. */
    public static final RaftTiming DEFAULT = new RaftTiming(Duration.ofMillis(1000), Duration.ofMillis(2000),
            Duration.ofMillis(200), Duration.ofMillis(300));

    public RaftTiming {
        if (heartbeat.compareTo(electionMin.dividedBy(2)) > 0 || electionMin.compareTo(electionMax) > 0) {
            throw new IllegalArgumentException("heartbeat " + heartbeat + " must be at most half of the election"
                    + " timeout " + electionMin + ".." + electionMax);
        }
    }
}
