package org.mfsj.fuse.cache;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.mfsj.fuse.lowlevel.Request;

/**
 * Every name of a directory, where this mount knows them all: a directory it made itself (empty),
 * or one it listed whole, kept up to date by the changes this mount makes in it. A lookup of a
 * name not there is answered "no such file" without asking the master, which spares the lookup
 * before every create (open O_CREAT, mkdir, tar, cp). Trusted while either holds:
 * <ul>
 * <li>the master leases the directory's names to this mount ({@link #leased}): it then tells this
 * mount before it answers another client's change there ({@link #recalled}), so the set stays
 * exact; trusted until the lease's end, then renewed;</li>
 * <li>the negative entry timeout (mfsnegentrycacheto, 0 by default: off) has not passed since the
 * set was learned (own changes do not extend it): a name another mount made is found once that
 * time has passed.</li>
 * </ul>
 */
public final class KnownNames {
    static final int MAX_DIRS = 256;
    static final int MAX_NAMES = 100_000;

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Long, Known> map = new ConcurrentHashMap<>();
    /** Counts uses of the sets, so that the ones used least lately go first when there are too many. */
    private final AtomicLong uses = new AtomicLong();
    /** Recalls (and losses of every lease) so far: a lease asked for before one of them is not trusted. */
    private long recalls;

    public KnownNames(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** {@code names} are all of {@code dir} since {@code since} (a clock value). */
    public void learned(long dir, Collection<String> names, long since) {
        if (ttlNanos <= 0 || names.size() > MAX_NAMES) {
            return;
        }
        makeRoom();
        Set<String> set = ConcurrentHashMap.newKeySet(Math.max(16, names.size()));
        set.addAll(names);
        Known k = new Known(set, since);
        used(k);
        map.put(dir, k);
    }

    /**
     * Half the sets go, those used least lately: an untar past {@link #MAX_DIRS} directories keeps
     * the ones it is still filling (dropping them all sent the rest of their creates' lookups to the
     * master: about 600 of the 8,762 entries of /usr/include).
     */
    private void makeRoom() {
        if (map.size() >= MAX_DIRS) {
            // leases dropped here are recalled by the master later, and given back then
            // the uses are read once: a sort over values that other threads move could fail
            map.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().used)).toList().stream()
                    .sorted(Comparator.comparingLong(Map.Entry::getValue)).limit(map.size() - MAX_DIRS / 2)
                    .map(Map.Entry::getKey).forEach(map::remove);
        }
    }

    private void used(Known k) {
        k.used = uses.incrementAndGet();
    }

    /** Whether {@code name} is surely not in {@code dir} (false when this mount does not know). */
    public boolean absent(long dir, String name) {
        Known k = map.get(dir);
        if (k == null || tooLong(name)) {
            // a name no directory may hold gets the master's ENAMETOOLONG, not "no such file"
            return false;
        }
        used(k);
        long now = clock.getAsLong();
        if (k.leaseUntil - now > 0) {
            return !k.names.contains(name);
        }
        if (ttlNanos > 0 && now - k.at < ttlNanos) {
            return !k.names.contains(name);
        }
        if (k.leaseUntil == 0) {
            map.remove(dir, k);
        }
        return false;
    }

    /** Whether this mount holds a lease on {@code dir} whose time ran out: it may be renewed. */
    public boolean leaseDue(long dir) {
        Known k = map.get(dir);
        return k != null && k.leaseUntil != 0 && k.leaseUntil - clock.getAsLong() <= 0;
    }

    /** A clock value to pass as {@code mark} to {@link #leased}: taken just before the lease is asked. */
    public synchronized long recallMark() {
        return recalls;
    }

    /**
     * The master granted a lease on {@code dir} (a new one: the directory had no names; or a renewal
     * of the one held) asked at {@code askedAt} with {@code mark} from {@link #recallMark}: trusted
     * for {@code lengthNanos} from when it was asked, unless a recall came in meanwhile (which may
     * have been this lease's own: its answer and the recall can cross). False when not kept.
     */
    public synchronized boolean leased(long dir, boolean fresh, long askedAt, long lengthNanos, long mark) {
        if (mark != recalls) {
            map.remove(dir);
            return false;
        }
        Known k = map.get(dir);
        if (fresh && (k == null || !k.names.isEmpty())) {
            makeRoom();
            k = new Known(ConcurrentHashMap.newKeySet(), askedAt);
            used(k);
            map.put(dir, k);
        }
        if (k == null) {
            return false;
        }
        k.leaseUntil = askedAt + lengthNanos;
        return true;
    }

    /** The master recalled the lease on {@code dir}: another client changes its names. */
    public synchronized void recalled(long dir) {
        recalls++;
        map.remove(dir);
    }

    /** Every lease is gone (the connection to the master was lost). */
    public synchronized void allLost() {
        recalls++;
        map.values().removeIf(k -> k.leaseUntil != 0);
    }

    /** This mount made {@code name} in {@code dir}. */
    public void added(long dir, String name) {
        Known k = map.get(dir);
        if (k != null) {
            if (k.names.size() >= MAX_NAMES) {
                map.remove(dir, k);
            } else {
                k.names.add(name);
            }
        }
    }

    /** This mount removed {@code name} from {@code dir}. */
    public void removed(long dir, String name) {
        Known k = map.get(dir);
        if (k != null) {
            k.names.remove(name);
        }
    }

    /** What {@code dir} holds is not known any more (a change whose outcome is unknown, a removal of it). */
    public void forget(long dir) {
        map.remove(dir);
    }

    public long now() {
        return clock.getAsLong();
    }

    private static final class Known {
        final Set<String> names;
        final long at;
        /** When the lease on the directory ends (clock value); 0: not leased. */
        volatile long leaseUntil;
        /** The count of {@link #uses} at its last use. */
        volatile long used;

        Known(Set<String> names, long at) {
            this.names = names;
            this.at = at;
        }
    }

    /** Longer than NAME_MAX (255 bytes of UTF-8); a UTF-16 unit is at most 3 of them. */
    private static boolean tooLong(String name) {
        return name.length() > Request.NAME_MAX / 3
                && name.getBytes(StandardCharsets.UTF_8).length > Request.NAME_MAX;
    }
}
