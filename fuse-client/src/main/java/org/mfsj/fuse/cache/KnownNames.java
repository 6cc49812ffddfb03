package org.mfsj.fuse.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every name of a directory, where this mount knows them all: a directory it made itself (empty),
 * or one it listed whole, kept up to date by the changes this mount makes in it. A lookup of a
 * name not there is answered "no such file" without asking the master, which spares the lookup
 * before every create (open O_CREAT, mkdir, tar, cp). Trusted for the negative entry timeout
 * (mfsnegentrycacheto, 0 by default: off) counted from when the set was learned (own changes do
 * not extend it): a name another mount made is found once that time has passed.
 */
public final class KnownNames {
    static final int MAX_DIRS = 256;
    static final int MAX_NAMES = 100_000;

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Long, Known> map = new ConcurrentHashMap<>();

    public KnownNames(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** {@code names} are all of {@code dir} since {@code since} (a clock value). */
    public void learned(long dir, Collection<String> names, long since) {
        if (ttlNanos <= 0 || names.size() > MAX_NAMES) {
            return;
        }
        if (map.size() >= MAX_DIRS) {
            map.clear();
        }
        Set<String> set = ConcurrentHashMap.newKeySet(Math.max(16, names.size()));
        set.addAll(names);
        map.put(dir, new Known(set, since));
    }

    /** Whether {@code name} is surely not in {@code dir} (false when this mount does not know). */
    public boolean absent(long dir, String name) {
        Known k = map.get(dir);
        if (k == null) {
            return false;
        }
        if (clock.getAsLong() - k.at >= ttlNanos) {
            map.remove(dir, k);
            return false;
        }
        return !k.names.contains(name);
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

    private record Known(Set<String> names, long at) {
    }
}
