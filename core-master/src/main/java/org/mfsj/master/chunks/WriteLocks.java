package org.mfsj.master.chunks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Chunks open for writing. A locked chunk is neither replicated nor reopened: a second writer
 * (or a truncate) waits on {@link #whenUnlocked} until the first ends its write or its lock
 * times out, since a client that died must not block a chunk for ever.
 *
 * <p>Release wakes every waiter in arrival order and each one starts over; the first takes the
 * lock again and the others queue behind it. That keeps the order without a hand-over protocol.
 */
public final class WriteLocks {
    /** How long a writer may hold a chunk without ending its write. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final class Lock {
        private Instant expires;
        private final List<CompletableFuture<Void>> waiters = new ArrayList<>();

        private Lock(Instant expires) {
            this.expires = expires;
        }
    }

    private final Map<Long, Lock> locks = new HashMap<>();
    private final Duration timeout;

    public WriteLocks(Duration timeout) {
        this.timeout = timeout;
    }

    public boolean isLocked(long chunkId) {
        return locks.containsKey(chunkId);
    }

    /** Locks the chunk if nobody holds it. */
    public boolean tryLock(long chunkId, Instant now) {
        if (locks.containsKey(chunkId)) {
            return false;
        }
        locks.put(chunkId, new Lock(now.plus(timeout)));
        return true;
    }

    /** Completes (on the releasing thread) once the chunk is unlocked; at once if it is not. */
    public CompletableFuture<Void> whenUnlocked(long chunkId) {
        Lock lock = locks.get(chunkId);
        if (lock == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        lock.waiters.add(f);
        return f;
    }

    public void release(long chunkId) {
        Lock lock = locks.remove(chunkId);
        if (lock != null) {
            // waiters run now and may lock this chunk again, so the lock is gone before they run
            lock.waiters.forEach(w -> w.complete(null));
        }
    }

    /** Releases every lock held past its deadline and returns their chunk ids. */
    public List<Long> expire(Instant now) {
        List<Long> expired = new ArrayList<>();
        locks.forEach((id, lock) -> {
            if (!now.isBefore(lock.expires)) {
                expired.add(id);
            }
        });
        expired.forEach(this::release);
        return expired;
    }

    public int size() {
        return locks.size();
    }
}
