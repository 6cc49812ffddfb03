package org.mfsj.common.locks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every lock held on every inode, with POSIX semantics: an owner's locks never conflict with
 * each other, a new lock replaces (and splits) what the same owner held on its range, adjacent
 * ranges of one owner and type merge, and UNLOCK of a sub-range leaves the rest held. flock
 * locks are the same thing over the whole file, kept apart. Not thread-safe: the master owns it
 * on its one thread.
 */
public final class LockTable {
    private final Map<Long, List<HeldLock>> posix = new HashMap<>();
    private final Map<Long, List<HeldLock>> flock = new HashMap<>();

    private Map<Long, List<HeldLock>> of(LockFlavor flavor) {
        return flavor == LockFlavor.POSIX ? posix : flock;
    }

    /** The first lock of another owner that {@code wanted} would conflict with. */
    public Optional<HeldLock> conflict(long inode, LockFlavor flavor, LockType wanted, long start, long end,
            LockOwner who) {
        if (wanted == LockType.UNLOCK) {
            return Optional.empty();
        }
        for (HeldLock h : of(flavor).getOrDefault(inode, List.of())) {
            if (h.overlaps(start, end) && h.conflictsWith(wanted, who)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /**
     * Takes, changes or (with UNLOCK) releases a lock; the conflicting lock when another owner
     * is in the way, in which case nothing changes.
     */
    public Optional<HeldLock> set(long inode, LockFlavor flavor, LockType type, long start, long end, LockOwner who,
            int pid) {
        if (flavor == LockFlavor.FLOCK) {
            start = 0;
            end = HeldLock.TO_EOF;
        }
        Optional<HeldLock> blocker = conflict(inode, flavor, type, start, end, who);
        if (blocker.isPresent()) {
            return blocker;
        }
        List<HeldLock> held = of(flavor).getOrDefault(inode, List.of());
        List<HeldLock> next = new ArrayList<>(held.size() + 2);
        long mergedStart = start;
        long mergedEnd = end;
        for (HeldLock h : held) {
            if (!h.owner().equals(who) || !h.touches(start, end)) {
                next.add(h);
            } else if (h.type() == type) {
                mergedStart = Math.min(mergedStart, h.start());
                mergedEnd = Math.max(mergedEnd, h.end());
            } else {
                keepOutside(h, start, end, next);
            }
        }
        if (type != LockType.UNLOCK) {
            next.add(new HeldLock(type, mergedStart, mergedEnd, who, pid));
        }
        store(flavor, inode, next);
        return Optional.empty();
    }

    /** The parts of {@code h} outside {@code start..end}; with UNLOCK a same-type lock is cut too. */
    private static void keepOutside(HeldLock h, long start, long end, List<HeldLock> into) {
        if (!h.overlaps(start, end)) {
            into.add(h);
            return;
        }
        if (h.start() < start) {
            into.add(h.withRange(h.start(), start - 1));
        }
        if (h.end() > end) {
            into.add(h.withRange(end + 1, h.end()));
        }
    }

    /** Drops every lock of {@code who} on {@code inode} (a POSIX close, a flock's last close). */
    public int releaseOwner(long inode, LockFlavor flavor, LockOwner who) {
        List<HeldLock> held = of(flavor).get(inode);
        if (held == null) {
            return 0;
        }
        List<HeldLock> next = new ArrayList<>(held);
        next.removeIf(h -> h.owner().equals(who));
        store(flavor, inode, next);
        return held.size() - next.size();
    }

    /** Drops every lock a session holds, when it ends or vanishes. */
    public int releaseSession(long session) {
        int released = 0;
        for (LockFlavor flavor : LockFlavor.values()) {
            for (Map.Entry<Long, List<HeldLock>> e : List.copyOf(of(flavor).entrySet())) {
                List<HeldLock> next = new ArrayList<>(e.getValue());
                next.removeIf(h -> h.owner().session() == session);
                released += e.getValue().size() - next.size();
                store(flavor, e.getKey(), next);
            }
        }
        return released;
    }

    /** What is held on an inode, POSIX locks first. */
    public List<HeldLock> held(long inode) {
        List<HeldLock> all = new ArrayList<>(posix.getOrDefault(inode, List.of()));
        all.addAll(flock.getOrDefault(inode, List.of()));
        return all;
    }

    /** Every lock of {@code flavor}, with its inode. */
    public void forEach(LockFlavor flavor, BiConsumer<Long, HeldLock> action) {
        for (Map.Entry<Long, List<HeldLock>> e : List.copyOf(of(flavor).entrySet())) {
            for (HeldLock h : List.copyOf(e.getValue())) {
                action.accept(e.getKey(), h);
            }
        }
    }

    /** Locks a session holds now, of both flavors. */
    public int heldBy(long session) {
        int n = 0;
        for (LockFlavor flavor : LockFlavor.values()) {
            for (List<HeldLock> locks : of(flavor).values()) {
                for (HeldLock h : locks) {
                    if (h.owner().session() == session) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    public int size() {
        return posix.values().stream().mapToInt(List::size).sum() + flock.values().stream().mapToInt(List::size).sum();
    }

    private void store(LockFlavor flavor, long inode, List<HeldLock> locks) {
        if (locks.isEmpty()) {
            of(flavor).remove(inode);
        } else {
            of(flavor).put(inode, List.copyOf(locks));
        }
    }
}
