package org.mfsj.master.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockOwner;
import org.mfsj.common.locks.LockTable;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.LockCall;
import org.mfsj.common.wire.client2master.LockOp;
import org.mfsj.common.wire.client2master.LockReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSIX and flock locks, held here so that two mounts or gateways on two machines exclude each
 * other. Locks belong to (session, owner) and last until released or until their session is
 * dropped; they are not written to the changelog, as in MooseFS: after a master restart or a
 * failover the master holds none, and clients take theirs back ({@link LockOp#RECLAIM}) during the
 * new leader's grace period (README, "Locks and failover"). Waiting for a lock (F_SETLKW) is the client's retry loop, so the master never
 * keeps a request parked.
 */
public final class LockCalls {
    private static final Logger LOG = LoggerFactory.getLogger(LockCalls.class);

    private final Namespace ns;
    private final LockTable table;
    private final Clock clock;
    /** Until then only reclaims take locks: a new leader's clients take back what they held. */
    private Instant graceUntil = Instant.MIN;

    public LockCalls(Namespace ns, LockTable table, Clock clock) {
        this.ns = ns;
        this.table = table;
        this.clock = clock;
    }

    /**
     * A new leader (master HA) holds none of the locks its clients took from the one before: for
     * {@code grace}, new locks are refused with EAGAIN while reconnecting clients reclaim theirs.
     */
    public void startGrace(Duration grace) {
        graceUntil = clock.instant().plus(grace);
        LOG.info("lock grace period of {} ms: until then only locks held before the failover are taken",
                grace.toMillis());
    }

    public void register(RequestDispatcher d) {
        d.on(LockCall.class, this::lock, (id, st) -> new LockReply(id, st, null));
    }

    /** How many locks a session holds now. */
    public int heldBy(Session s) {
        return table.heldBy(s.id());
    }

    /** Frees what a session holds: it went away for too long, or it was dropped. */
    public void releaseSession(Session s) {
        int released = table.releaseSession(s.id());
        if (released > 0) {
            LOG.info("released {} locks of session {} ({}), away since {}", released, s.id(), s.clientInfo(),
                    s.lastSeen());
        }
    }

    private Message lock(Peer from, LockCall c) throws MfsException {
        if (!(from.attachment() instanceof Session s)) {
            throw new MfsException(Status.EINVAL, "lock on inode " + c.inode() + " from " + from.remote()
                    + " without a session: register a session first");
        }
        if (c.start() < 0 || c.end() < c.start()) {
            throw new MfsException(Status.EINVAL, "lock range " + c.start() + ".." + c.end() + " on inode " + c.inode());
        }
        ns.getattr(c.inode());
        LockOwner who = new LockOwner(s.id(), c.owner());
        if (c.op() == LockOp.SET && c.type() != LockType.UNLOCK && clock.instant().isBefore(graceUntil)) {
            LOG.debug("client {} lock on inode {} refused: grace period after a failover", from.remote(), c.inode());
            return new LockReply(c.msgId(), Status.EAGAIN, null);
        }
        Optional<HeldLock> conflict = switch (c.op()) {
            case TEST -> table.conflict(c.inode(), c.flavor(), c.type(), c.start(), c.end(), who);
            case SET, RECLAIM -> table.set(c.inode(), c.flavor(), c.type(), c.start(), c.end(), who, c.pid());
            case RELEASE_OWNER -> {
                table.releaseOwner(c.inode(), c.flavor(), who);
                yield Optional.empty();
            }
        };
        Status st = conflict.isPresent() && (c.op() == LockOp.SET || c.op() == LockOp.RECLAIM)
                ? Status.EAGAIN : Status.OK;
        return new LockReply(c.msgId(), st, conflict.orElse(null));
    }
}
