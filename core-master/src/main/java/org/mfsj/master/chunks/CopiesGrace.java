package org.mfsj.master.chunks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * The first moments of a master's leadership (a failover, or a start), while the chunkservers are
 * still finding it and registering: the namespace is all there (a follower applied every entry),
 * but where the copies are is learned only from the chunkservers. Until they had time to come, a
 * chunk with no known copy most likely has copies on a server not heard from yet, so a request
 * that needs one is answered {@link Status#COPIES_PENDING}, which clients ask again, rather than
 * EIO, which reaches the user. MooseFS waits for the chunkservers likewise before it replicates
 * anything ({@code REPLICATIONS_DELAY_INIT}). Once the grace has passed, a chunk without a copy is
 * EIO at once, as before: a lost chunk makes readers wait at most this long.
 */
public final class CopiesGrace {
    private final Clock clock;
    private final Instant until;

    /** {@code length}: the master's HA_COPIES_PENDING_TIME. */
    public CopiesGrace(Clock clock, Duration length) {
        this.clock = clock;
        this.until = clock.instant().plus(length);
    }

    /** Whether chunkservers may still be on their way (no copy known means "not yet", not "lost"). */
    public boolean open() {
        return clock.instant().isBefore(until);
    }

    /** The error for a chunk with no known copy: retry while the grace is open, EIO after. */
    public MfsException noCopy(String what) {
        return open() ? new MfsException(Status.COPIES_PENDING, what + ": no chunkserver holding it has registered"
                + " with this master yet (it leads since moments ago); ask again")
                : new MfsException(Status.EIO, what);
    }
}
