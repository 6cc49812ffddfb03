package org.mfsj.client.master;

import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.DirLeaseHolder;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.DirLease;
import org.mfsj.common.wire.client2master.DirLeaseRecall;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.VersionNotice;
import org.mfsj.common.wire.client2master.WatchVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session with the master: one multiplexed connection, kept alive by pings, re-established in
 * the background when it drops (same session id, so the master keeps the session's state), and a
 * blocking {@link #call} that rides over such gaps until the master-gone timeout.
 *
 * <p>A call retried after a drop may have been applied once already. Metadata changes carry a
 * request id that stays the same across the retries of one call (see {@link #newRequestId}); the
 * master keeps, per session and through its own restarts, what each id was answered, so a retried
 * create gets its first answer rather than EEXIST.
 */
public final class MasterLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterLink.class);
    private static final long PING_IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 2000;
    /** With several masters (HA) one of them leads again within seconds: look more often. */
    private static final long MAX_BACKOFF_HA_MS = 400;

    private final ClientConfig cfg;
    private final SessionOpener opener;
    private final ScheduledExecutorService timer;
    private final Executor background;
    private final ClientMetrics metrics;
    private final long callTimeoutMs;
    private final long goneNanos;
    private final Object lock = new Object();
    /** Completed with the live connection; replaced by an incomplete one while reconnecting. */
    private volatile CompletableFuture<Peer> link = new CompletableFuture<>();
    /**
     * Request ids count up from a random start: should two clients ever share a session id (a
     * master that lost track of one), their ids still do not meet.
     */
    private final AtomicLong requestIds = new AtomicLong(ThreadLocalRandom.current().nextLong() >>> 2 | 1);
    private volatile long sessionId;
    private volatile long rootInode;
    private volatile long lastSendNanos = System.nanoTime();
    private volatile boolean closed;
    private ScheduledFuture<?> pinger;
    /** Runs (on a background thread) each time the session was re-made after a lost connection. */
    private volatile Runnable resumed = () -> { };
    /** Null unless the client reads from followers (master HA). */
    private final FollowerReads followers;
    private final PendingReleases releases;
    /** Told of directory lease recalls and of a lost connection (every lease gone with it). */
    private volatile DirLeaseHolder.Recalls dirRecalls = NO_RECALLS;
    private static final DirLeaseHolder.Recalls NO_RECALLS = new DirLeaseHolder.Recalls() {
        @Override
        public void recalled(long dir) {
        }

        @Override
        public void allLost() {
        }
    };

    public MasterLink(ClientConfig cfg, EventLoopGroup group, ScheduledExecutorService timer, Executor background,
                      ClientMetrics metrics) {
        this.cfg = cfg;
        this.timer = timer;
        this.background = background;
        this.metrics = metrics;
        this.callTimeoutMs = cfg.callTimeout().toMillis();
        this.goneNanos = cfg.masterGoneTimeout().toNanos();
        this.followers = cfg.readFromFollowers() ? new FollowerReads(cfg, group, background, metrics) : null;
        this.releases = new PendingReleases(timer, this::livePeer, metrics, callTimeoutMs, this::newRequestId);
        this.opener = new SessionOpener(group, cfg, new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message message) {
                if (message instanceof VersionNotice n && followers != null) {
                    followers.noticed(n.version());
                    return;
                }
                if (message instanceof DirLeaseRecall r) {
                    giveBack(from, r.dir());
                    return;
                }
                LOG.debug("master {} sent unexpected {}; ignored", from.remote(), message.getClass().getSimpleName());
            }

            @Override
            public void onClose(Peer peer) {
                lost(peer);
            }
        });
    }

    /**
     * Opens the session on the first master that answers, retrying the list until the call timeout.
     * A master that refuses the session (bad subdir, no access) fails at once with its status.
     */
    public void start() throws MfsException {
        long deadline = System.nanoTime() + cfg.callTimeout().toNanos();
        long backoff = FIRST_BACKOFF_MS;
        MfsException last = null;
        while (true) {
            for (ServerAddress a : cfg.masters()) {
                try {
                    install(openSession(a, 0));
                    pinger = timer.scheduleWithFixedDelay(this::pingIfIdle, 1, 1, TimeUnit.SECONDS);
                    if (followers != null) {
                        followers.start();
                    }
                    return;
                } catch (MfsException e) {
                    if (!SessionOpener.isTransport(e.status())) {
                        throw e;
                    }
                    last = e;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new MfsException(last.status(), "no master reachable at " + cfg.masters() + ": "
                        + last.getMessage(), last);
            }
            if (!pause(backoff)) {
                throw Futures.interrupted("connect to " + cfg.masters());
            }
            backoff = Math.min(backoff * 2, maxBackoff());
        }
    }

    /** Where directory lease recalls go; see {@link DirLeaseHolder}. */
    public void onDirRecall(DirLeaseHolder.Recalls r) {
        dirRecalls = r;
    }

    /**
     * The recall of a lease on {@code dir}: whoever holds it forgets it first, then the master hears
     * it was given back (the change that recalled it waits for that). The answer is not waited for.
     */
    private void giveBack(Peer from, long dir) {
        try {
            dirRecalls.recalled(dir);
        } finally {
            from.call(id -> new DirLease(id, dir, DirLease.Op.GIVE_BACK), StatusReply.class, callTimeoutMs);
        }
    }

    /** {@code r} runs after each reconnect, before later reconnects (locks are taken back there). */
    public void onResumed(Runnable r) {
        resumed = r;
    }

    /** A new request id, never 0. */
    public long newRequestId() {
        long id = requestIds.incrementAndGet();
        return id != 0 ? id : requestIds.incrementAndGet();
    }

    public long sessionId() {
        return sessionId;
    }

    public long rootInode() {
        return rootInode;
    }

    /**
     * Sends a request and waits for its reply. A dropped or silent connection is re-established and
     * the request sent again, until the master has been gone for the master-gone timeout (ETIMEDOUT).
     * Statuses inside the reply are the caller's to check.
     */
    public <R extends Message> R call(IntFunction<? extends Message> request, Class<R> replyType, String what)
            throws MfsException {
        long deadline = System.nanoTime() + goneNanos;
        long pendingPause = FIRST_BACKOFF_MS;
        for (int attempt = 0; ; attempt++) {
            Peer p = awaitLink(deadline, what);
            metrics.masterCall();
            if (attempt > 0) {
                metrics.masterRetry();
            }
            releases.sendAhead(p);
            long sent = System.nanoTime();
            lastSendNanos = sent;
            String[] type = new String[1];
            try {
                R reply = Futures.await(p.call(id -> counted(request.apply(id), type), replyType, callTimeoutMs), what);
                if (type[0] != null) {
                    metrics.masterAnswered(type[0], System.nanoTime() - sent);
                }
                if (!CopiesPending.in(reply) || System.nanoTime() - deadline >= 0) {
                    return reply;
                }
                // a leader elected moments ago, its chunkservers still registering: nothing was done
                LOG.debug("master {} knows no copy for {} yet (session {}); asking again in {} ms", p.remote(), what,
                        sessionId, pendingPause);
                if (!pause(pendingPause)) {
                    throw Futures.interrupted(what);
                }
                pendingPause = Math.min(pendingPause * 2, MAX_BACKOFF_HA_MS);
            } catch (MfsException e) {
                if (e.status() == Status.ETIMEDOUT) {
                    LOG.warn("master {} did not answer {} within {} ms (session {}); dropping the connection",
                            p.remote(), what, callTimeoutMs, sessionId);
                    p.close();
                } else if (e.status() != Status.DISCONNECTED) {
                    throw e;
                }
                lost(p);
                if (System.nanoTime() - deadline >= 0) {
                    throw new MfsException(Status.ETIMEDOUT, what + ": master unusable for "
                            + cfg.masterGoneTimeout().toMillis() + " ms (session " + sessionId + "): " + e.getMessage());
                }
            }
        }
    }

    /**
     * Tells the master that a handle on {@code inode} closed, without waiting: the release goes
     * ahead of the next request, or alone a few milliseconds later (see {@link PendingReleases}).
     */
    public void release(long inode) {
        releases.add(inode);
    }

    /** The connection in use, or null while there is none. */
    private Peer livePeer() {
        CompletableFuture<Peer> f = link;
        Peer p = f.isDone() && !f.isCompletedExceptionally() ? f.getNow(null) : null;
        return p != null && p.isActive() ? p : null;
    }

    private Message counted(Message m, String[] type) {
        type[0] = m.getClass().getSimpleName();
        metrics.masterCall(type[0]);
        return m;
    }

    /** The live connection, waiting for a reconnect until {@code deadline} (System.nanoTime). */
    private Peer awaitLink(long deadline, String what) throws MfsException {
        while (true) {
            CompletableFuture<Peer> f = link;
            Peer p;
            try {
                p = f.isDone() ? f.get() : f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new MfsException(Status.ETIMEDOUT, what + ": no master for "
                        + cfg.masterGoneTimeout().toMillis() + " ms (session " + sessionId + ")");
            } catch (InterruptedException e) {
                throw Futures.interrupted(what);
            } catch (ExecutionException e) {
                throw Futures.unwrap(e, what);
            }
            if (p.isActive()) {
                return p;
            }
            if (closed) {
                // a closed link is never replaced: waiting for one would spin (a late background release)
                throw new MfsException(Status.EBADF, what + ": client closed (session " + sessionId + ")");
            }
            lost(p);
        }
    }

    private Peer openSession(ServerAddress a, long resumeId) throws MfsException {
        SessionOpener.Session s = opener.open(a, resumeId);
        if (resumeId != 0 && s.rootInode() != rootInode) {
            LOG.warn("master {} gave session {} root inode {} instead of {}", a, s.sessionId(), s.rootInode(),
                    rootInode);
        }
        sessionId = s.sessionId();
        rootInode = s.rootInode();
        if (followers != null) {
            watchVersions(a, s.peer());
        }
        return s.peer();
    }

    /** Asks the leader for the version behind each reply, which reads from followers must reach. */
    private void watchVersions(ServerAddress a, Peer p) throws MfsException {
        try {
            Reply r = Futures.await(p.call(WatchVersions::new, Reply.class, callTimeoutMs), "watch versions at " + a);
            if (r instanceof StatusReply s) {
                MfsException.check(s.status(), "watch versions at master " + a);
            }
        } catch (MfsException e) {
            p.close();
            throw e;
        }
    }

    /** Where read-only calls go first; null when the client reads from the leader only. */
    FollowerReads followers() {
        return followers;
    }

    private void install(Peer p) {
        synchronized (lock) {
            if (closed || link.isDone()) {
                p.close();
                return;
            }
            link.complete(p);
        }
        // it may have closed before it was installed, when lost() could not recognise it yet
        if (!p.isActive()) {
            lost(p);
        }
    }

    /** Forgets {@code p} if it is the live connection and starts reconnecting in the background. */
    private void lost(Peer p) {
        synchronized (lock) {
            CompletableFuture<Peer> f = link;
            if (closed || !f.isDone() || f.isCompletedExceptionally() || f.getNow(null) != p) {
                return;
            }
            link = new CompletableFuture<>();
        }
        // the master dropped this connection's leases with it; no lease outlives it here either
        dirRecalls.allLost();
        LOG.warn("master {} connection lost (session {}); reconnecting", p.remote(), sessionId);
        background.execute(this::reconnect);
    }

    private void reconnect() {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; !closed; attempt++) {
            for (ServerAddress a : cfg.masters()) {
                try {
                    Peer p = resume(a);
                    // counted before callers can see the link again
                    metrics.masterReconnect();
                    install(p);
                    LOG.info("master {} session {} resumed after {} attempt(s)", a, sessionId, attempt);
                    resumed.run();
                    return;
                } catch (MfsException e) {
                    if (attempt == 1) {
                        LOG.warn("master {} not back yet (session {}): {}; retrying", a, sessionId, e.getMessage());
                    } else {
                        LOG.debug("master {} not back yet (attempt {}): {}", a, attempt, e.getMessage());
                    }
                }
            }
            if (!pause(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, maxBackoff());
        }
    }

    /** Resumes the session; a master that no longer knows it gets a fresh one instead. */
    private Peer resume(ServerAddress a) throws MfsException {
        long old = sessionId;
        try {
            return openSession(a, old);
        } catch (MfsException e) {
            if (SessionOpener.isTransport(e.status()) || old == 0) {
                throw e;
            }
            Peer p = openSession(a, 0);
            LOG.warn("master {} could not resume session {} ({}); opened session {}", a, old, e.status(), sessionId);
            return p;
        }
    }

    private void pingIfIdle() {
        CompletableFuture<Peer> f = link;
        if (closed || !f.isDone() || f.isCompletedExceptionally()
                || System.nanoTime() - lastSendNanos < PING_IDLE_NANOS) {
            return;
        }
        Peer p = f.getNow(null);
        lastSendNanos = System.nanoTime();
        p.call(Ping::new, Reply.class, callTimeoutMs).whenComplete((r, e) -> {
            if (e != null && Futures.statusOf(e) == Status.ETIMEDOUT) {
                LOG.warn("master {} did not answer a ping within {} ms (session {}); dropping the connection",
                        p.remote(), callTimeoutMs, sessionId);
                p.close();
            }
        });
    }

    private long maxBackoff() {
        return cfg.masters().size() > 1 ? MAX_BACKOFF_HA_MS : MAX_BACKOFF_MS;
    }

    /** Waits between attempts; false when interrupted (the client is closing). */
    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<ServerAddress> masters() {
        return cfg.masters();
    }

    @Override
    public void close() {
        Peer p = null;
        synchronized (lock) {
            closed = true;
            CompletableFuture<Peer> f = link;
            if (f.isDone() && !f.isCompletedExceptionally()) {
                p = f.getNow(null);
            } else {
                f.completeExceptionally(new MfsException(Status.EBADF, "client closed"));
            }
        }
        releases.close(p);
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (followers != null) {
            followers.close();
        }
        if (p != null) {
            p.close();
        }
    }
}
