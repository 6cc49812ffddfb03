package org.mfsj.master.chunks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Chunks open for writing. A locked chunk is neither replicated nor reopened: a second writer
 * (or a truncate) waits on {@link #whenUnlocked} until the first ends its write or its lock
 * times out, since a client that died must not block a chunk for ever.
 *
 * <p>A waiter is not kept longer than the wait limit: then it fails with CHUNK_BUSY, which
 * clients retry. Waiting longer than the client's own call timeout would make it send the
 * request again while the first copy still waits, and a lock granted to the first copy would
 * then belong to nobody until it timed out.
 *
 * <p>Release wakes every waiter in arrival order and each one starts over; the first takes the
 * lock again and the others queue behind it. That keeps the order without a hand-over protocol.
 * The waiters start over as a task of their own on the master thread, after the request that
 * released the lock: run inside it, their changes were logged as that request's (its request id
 * in the reply cache, and, for a write's end answered once applied, counted as changes no reply
 * waits for). Each starts over as the request it is ({@link WaiterContext}): its changes are
 * logged under its own request id, so that, retried after a crash, it is answered from them.
 */
public final class WriteLocks {
    /** How long a writer may hold a chunk without ending its write. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Well under the client library's default call timeout (10 s), leaving room for the version bump. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(3);

    /** {@code wake} completes {@code ready} as the waiting request (its {@link WaiterContext}). */
    private record Waiter(CompletableFuture<Void> ready, Instant deadline, Runnable wake) {
    }

    private static final class Lock {
        private final Instant expires;
        /** The client session writing, 0 for none known; only it may end the write. */
        private final long owner;
        private final List<Waiter> waiters = new ArrayList<>();

        private Lock(Instant expires, long owner) {
            this.expires = expires;
            this.owner = owner;
        }
    }

    private final Map<Long, Lock> locks = new HashMap<>();
    private final Duration timeout;
    private final Duration maxWait;
    /** Where woken waiters start over: the master thread's queue. */
    private final Executor wakeUps;
    /** As which request each waiter starts over. */
    private final WaiterContext context;

    /** Waiters start over at once, on the releasing thread (tests that drive the locks alone). */
    public WriteLocks(Duration timeout, Duration maxWait) {
        this(timeout, maxWait, Runnable::run, WaiterContext.NONE);
    }

    public WriteLocks(Duration timeout, Duration maxWait, Executor wakeUps, WaiterContext context) {
        this.timeout = timeout;
        this.maxWait = maxWait;
        this.wakeUps = wakeUps;
        this.context = context;
    }

    public boolean isLocked(long chunkId) {
        return locks.containsKey(chunkId);
    }

    /** Whether the writer of session {@code owner} holds the chunk's lock. */
    public boolean isHeldBy(long chunkId, long owner) {
        Lock lock = locks.get(chunkId);
        return lock != null && lock.owner == owner;
    }

    /** Locks the chunk if nobody holds it. */
    public boolean tryLock(long chunkId, Instant now) {
        return tryLock(chunkId, now, 0);
    }

    /** Locks the chunk for the writer of session {@code owner} if nobody holds it. */
    public boolean tryLock(long chunkId, Instant now, long owner) {
        if (locks.containsKey(chunkId)) {
            return false;
        }
        locks.put(chunkId, new Lock(now.plus(timeout), owner));
        return true;
    }

    /**
     * Ends the write of session {@code owner}: a writer whose lock expired and was taken by another
     * must not end the other's write. Returns whether it released the lock.
     */
    public boolean releaseBy(long chunkId, long owner) {
        Lock lock = locks.get(chunkId);
        if (lock == null || lock.owner != 0 && lock.owner != owner) {
            return false;
        }
        release(chunkId);
        return true;
    }

    /**
     * Completes (as a task of the wake-up executor) once the chunk is unlocked, at once if it is not; fails
     * with CHUNK_BUSY if it is still locked a wait limit after {@code waitingSince}, the time the
     * request first arrived (a request that queues again after a wake-up keeps its first time).
     */
    public CompletableFuture<Void> whenUnlocked(long chunkId, Instant waitingSince) {
        Lock lock = locks.get(chunkId);
        if (lock == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        lock.waiters.add(new Waiter(f, waitingSince.plus(maxWait), context.bind(() -> f.complete(null))));
        return f;
    }

    public void release(long chunkId) {
        Lock lock = locks.remove(chunkId);
        if (lock != null && !lock.waiters.isEmpty()) {
            // the waiters may lock this chunk again, so the lock is gone before they run
            List<Waiter> woken = lock.waiters;
            wakeUps.execute(() -> woken.forEach(w -> w.wake().run()));
        }
    }

    /**
     * Releases every lock held past its deadline and returns their chunk ids; fails the waiters
     * that have waited past the wait limit.
     */
    public List<Long> expire(Instant now) {
        List<Long> expired = new ArrayList<>();
        List<Waiter> tooLong = new ArrayList<>();
        locks.forEach((id, lock) -> {
            if (!now.isBefore(lock.expires)) {
                expired.add(id);
            } else {
                lock.waiters.removeIf(w -> !now.isBefore(w.deadline()) && tooLong.add(w));
            }
        });
        expired.forEach(this::release);
        tooLong.forEach(w -> w.ready().completeExceptionally(
                new MfsException(Status.CHUNK_BUSY, "chunk still being written by another client")));
        return expired;
    }

    public int size() {
        return locks.size();
    }
}
