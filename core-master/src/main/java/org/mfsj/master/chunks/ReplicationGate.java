package org.mfsj.master.chunks;

import java.time.Duration;
import java.time.Instant;

/**
 * When the chunk loop may act. Right after start-up nothing is judged at all: servers are still
 * registering, so chunks look undergoal and copies look orphaned only because their reports have
 * not arrived. After a server leaves, replication waits a while, since the server usually comes
 * back with its copies and re-replicating them would be wasted traffic.
 */
public final class ReplicationGate {
    private final Instant jobsFrom;
    private final Duration delayDisconnect;
    private Instant replicationFrom;

    public ReplicationGate(Instant start, Duration delayInit, Duration delayDisconnect) {
        this.jobsFrom = start.plus(delayInit);
        this.delayDisconnect = delayDisconnect;
        this.replicationFrom = jobsFrom;
    }

    public void noteDisconnect(Instant now) {
        Instant until = now.plus(delayDisconnect);
        if (until.isAfter(replicationFrom)) {
            replicationFrom = until;
        }
    }

    /** Deletions and replications alike. */
    public boolean jobsAllowed(Instant now) {
        return !now.isBefore(jobsFrom);
    }

    public boolean replicationAllowed(Instant now) {
        return !now.isBefore(replicationFrom);
    }
}
