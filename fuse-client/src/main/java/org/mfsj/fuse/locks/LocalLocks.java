package org.mfsj.fuse.locks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Locks held through this mount only, in memory. Waiters poll their cancellation now and then, so
 * a process killed while waiting is never granted a lock it cannot release.
 */
public final class LocalLocks implements LockService {
    private static final long POLL_MS = 100;

    private final Map<Long, List<PosixLock>> posix = new HashMap<>();
    private final Map<Long, Map<Long, Boolean>> flocks = new HashMap<>();

    @Override
    public synchronized PosixLock test(long inode, PosixLock want) {
        for (PosixLock held : posix.getOrDefault(inode, List.of())) {
            if (held.conflicts(want)) {
                return held;
            }
        }
        return null;
    }

    @Override
    public synchronized void set(long inode, PosixLock lock, boolean wait, BooleanSupplier cancelled)
            throws MfsException {
        if (lock.type() != PosixLock.UNLOCK) {
            while (test(inode, lock) != null) {
                await(wait, cancelled, "record lock on inode " + inode);
            }
        }
        List<PosixLock> held = posix.computeIfAbsent(inode, k -> new ArrayList<>());
        List<PosixLock> kept = new ArrayList<>(held.size() + 2);
        for (PosixLock h : held) {
            if (h.owner() != lock.owner() || !h.overlaps(lock)) {
                kept.add(h);
                continue;
            }
            // the owner's own lock is cut around the new range, which replaces it there
            if (h.start() < lock.start()) {
                kept.add(h.withRange(h.start(), lock.start() - 1));
            }
            if (h.end() > lock.end()) {
                kept.add(h.withRange(lock.end() + 1, h.end()));
            }
        }
        if (lock.type() != PosixLock.UNLOCK) {
            kept.add(lock);
        }
        if (kept.isEmpty()) {
            posix.remove(inode);
        } else {
            posix.put(inode, kept);
        }
        notifyAll();
    }

    @Override
    public synchronized void flock(long inode, long owner, boolean shared, boolean wait, BooleanSupplier cancelled)
            throws MfsException {
        while (flockConflict(inode, owner, shared)) {
            await(wait, cancelled, "flock on inode " + inode);
        }
        flocks.computeIfAbsent(inode, k -> new HashMap<>()).put(owner, shared);
    }

    @Override
    public synchronized void unflock(long inode, long owner) {
        Map<Long, Boolean> m = flocks.get(inode);
        if (m != null && m.remove(owner) != null) {
            if (m.isEmpty()) {
                flocks.remove(inode);
            }
            notifyAll();
        }
    }

    private boolean flockConflict(long inode, long owner, boolean shared) {
        for (Map.Entry<Long, Boolean> e : flocks.getOrDefault(inode, Map.of()).entrySet()) {
            if (e.getKey() != owner && !(shared && e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private void await(boolean wait, BooleanSupplier cancelled, String what) throws MfsException {
        if (!wait) {
            throw new MfsException(Status.EAGAIN, what + " is held by another owner");
        }
        if (cancelled.getAsBoolean()) {
            throw new MfsException(Status.EAGAIN, "gave up waiting for " + what + ": the caller is gone");
        }
        try {
            wait(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MfsException(Status.EAGAIN, "interrupted waiting for " + what);
        }
    }
}
