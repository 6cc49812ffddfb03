package org.mfsj.client.master;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.LockCall;
import org.mfsj.common.wire.client2master.LockOp;
import org.mfsj.common.wire.client2master.LockReply;

/**
 * Lock calls to the master. A blocking lock is a retry loop here with a growing pause, not a
 * request parked in the master: a master that restarts or a connection that breaks then never
 * leaves a waiter behind, and the master's one thread never holds state for a sleeper.
 */
public final class LockRequests {
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final MasterCalls master;

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
