package org.mfsj.master.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.op.ReleaseOpenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leader's first moments, before the clients that had files open under the previous leader have
 * resumed their sessions here and reported those opens (ReportOpens): opens are counted in the
 * leader's memory only, so this one has seen none of them. A file whose last name goes in that
 * window might be open by such a client, so it is held for {@link #ABSENT} (a replicated hold like
 * any other, so a further failover keeps it too) besides the sessions known to have it open. When
 * the window ends, every client that is coming back has, and has reported its opens (a report of
 * a held file adds its session's hold), so the holds of {@link #ABSENT} are released: a file no
 * session reported goes then, one that a client reported stays until that client releases it.
 * A client that comes back later than the window is not covered, as one that comes back after its
 * session expired is not.
 */
public final class UnreportedOpens {
    /** Not a session (ids start at 1): the clients that have not reported yet. */
    public static final long ABSENT = 0;

    private static final Logger LOG = LoggerFactory.getLogger(UnreportedOpens.class);

    private final Namespace ns;
    private final LongFunction<Map<Long, Integer>> reported;
    private final Clock clock;
    private final Instant until;
    private boolean over;

    /** {@code reported}: who is known to have a file open (session -> opens), as a mutable map. */
    public UnreportedOpens(Namespace ns, LongFunction<Map<Long, Integer>> reported, Clock clock, Duration length) {
        this.ns = ns;
        this.reported = reported;
        this.clock = clock;
        this.until = clock.instant().plus(length);
    }

    /** Who has {@code inode} open, as far as this leader can tell: while the window lasts, perhaps the absent too. */
    public Map<Long, Integer> openers(long inode) {
        Map<Long, Integer> out = reported.apply(inode);
        if (!over && clock.instant().isBefore(until)) {
            out.put(ABSENT, 1);
        }
        return out;
    }

    /** Ends the window once its time is up (run now and then on the master thread). */
    public void sweep() {
        if (over || clock.instant().isBefore(until)) {
            return;
        }
        over = true;
        // held by an earlier leader's window too: the clients reported to this leader since
        List<Long> held = ns.heldBy(ABSENT);
        for (long inode : held) {
            ns.releaseOpen(inode, ABSENT, ReleaseOpenRecord.ALL);
        }
        if (!held.isEmpty()) {
            LOG.info("{} file(s) unlinked before their clients could report opens are now kept only for the"
                    + " sessions that reported them", held.size());
        }
    }
}
