package org.mfsj.client.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockOwner;
import org.mfsj.common.locks.LockTable;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.LockCall;
import org.mfsj.common.wire.client2master.LockOp;
import org.mfsj.common.wire.client2master.LockReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lock calls to the master. A blocking lock is a retry loop here with a growing pause, not a
 * request parked in the master: a master that restarts or a connection that breaks then never
 * leaves a waiter behind, and the master's one thread never holds state for a sleeper. The locks
 * granted are mirrored here, so that after a reconnect (a master failover or restart, after which
 * the master holds none) {@link #reclaim} takes them back during the new leader's grace period.
 */
public final class LockRequests {
    private static final Logger LOG = LoggerFactory.getLogger(LockRequests.class);
    /** All owners of this client are one session to the master; the mirror needs no other id. */
    private static final long SELF = 0;
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final MasterCalls master;
    /** What the master granted this client; guarded by itself. */
    private final LockTable mine = new LockTable();

    public LockRequests(MasterCalls master) {
        this.master = master;
    }

    public Optional<HeldLock> test(long inode, LockFlavor flavor, LockType type, long start, long end, long owner)
            throws MfsException {
        LockReply r = call(new Call(inode, LockOp.TEST, flavor, type, start, end, owner, 0));
        MfsException.check(r.status(), describe("test lock", inode, start, end));
        return Optional.ofNullable(r.conflict());
    }

    public void set(long inode, LockFlavor flavor, LockType type, long start, long end, long owner, int pid,
            boolean wait) throws MfsException {
        Call call = new Call(inode, LockOp.SET, flavor, type, start, end, owner, pid);
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            LockReply r = call(call);
            if (r.status() != Status.EAGAIN || !wait) {
                MfsException.check(r.status(), describe(type + " lock", inode, start, end) + heldBy(r.conflict()));
                synchronized (mine) {
                    mine.set(inode, flavor, type, start, end, new LockOwner(SELF, owner), pid);
                }
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MfsException(Status.EAGAIN, "interrupted waiting for " + describe("lock", inode, start, end));
            }
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
    }

    public void release(long inode, LockFlavor flavor, long owner) throws MfsException {
        LockReply r = call(new Call(inode, LockOp.RELEASE_OWNER, flavor, LockType.UNLOCK, 0, HeldLock.TO_EOF, owner, 0));
        MfsException.check(r.status(), "release locks of owner " + owner + " on inode " + inode);
        synchronized (mine) {
            mine.releaseOwner(inode, flavor, new LockOwner(SELF, owner));
        }
    }

    /**
     * Takes every lock this client holds again, after the session was re-made on a master (which
     * may be a new leader holding none). A lock someone else took meanwhile cannot be had back: it
     * is forgotten here and logged, and its owner learns of it at its next unlock at the latest.
     */
    public void reclaim() {
        List<Mine> held = new ArrayList<>();
        synchronized (mine) {
            for (LockFlavor flavor : LockFlavor.values()) {
                mine.forEach(flavor, (inode, h) -> held.add(new Mine(flavor, inode, h)));
            }
        }
        int taken = 0;
        for (Mine e : held) {
            LockFlavor flavor = e.flavor();
            long inode = e.inode();
            HeldLock h = e.lock();
            try {
                LockReply r = call(new Call(inode, LockOp.RECLAIM, flavor, h.type(), h.start(), h.end(),
                        h.owner().owner(), h.pid()));
                MfsException.check(r.status(), describe("reclaim " + h.type() + " lock", inode, h.start(), h.end())
                        + heldBy(r.conflict()));
                taken++;
            } catch (MfsException ex) {
                LOG.warn("lock held before the reconnect is lost: {}", ex.getMessage());
                synchronized (mine) {
                    mine.set(inode, flavor, LockType.UNLOCK, h.start(), h.end(), h.owner(), h.pid());
                }
            }
        }
        if (!held.isEmpty()) {
            LOG.info("took back {} of {} lock(s) held before the reconnect", taken, held.size());
        }
    }

    private record Mine(LockFlavor flavor, long inode, HeldLock lock) {
    }

    private record Call(long inode, LockOp op, LockFlavor flavor, LockType type, long start, long end, long owner,
            int pid) {
    }

    private LockReply call(Call c) throws MfsException {
        return master.request(id -> new LockCall(id, c.inode, c.op, c.flavor, c.type, c.start, c.end, c.owner, c.pid),
                LockReply.class, describe(c.op + " lock", c.inode, c.start, c.end));
    }

    private static String describe(String what, long inode, long start, long end) {
        return what + " on inode " + inode + " bytes " + start + ".." + (end == HeldLock.TO_EOF ? "EOF" : end);
    }

    private static String heldBy(HeldLock h) {
        return h == null ? "" : ": held by session " + h.owner().session() + " pid " + h.pid();
    }
}
