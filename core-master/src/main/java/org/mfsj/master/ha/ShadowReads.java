package org.mfsj.master.ha;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ChallengeReply;
import org.mfsj.common.wire.client2master.GetAttr;
import org.mfsj.common.wire.client2master.GetXattr;
import org.mfsj.common.wire.client2master.ListXattr;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.ReadDir;
import org.mfsj.common.wire.client2master.ReadDirNames;
import org.mfsj.common.wire.client2master.ReadFence;
import org.mfsj.common.wire.client2master.ReadLink;
import org.mfsj.common.wire.client2master.ReadSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.SessionChallenge;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.exports.Exports;
import org.mfsj.master.exports.LiveExports;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.service.NamespaceCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower answering read-only metadata calls on read sessions (shadows serving reads). A read
 * waits until this master has applied the version its client last announced ({@link ReadFence}:
 * the version of the client's own last change, so it reads its writes), and its answer waits until
 * the leader has said everything it shows is committed, so nobody reads a change the group could
 * still drop. A read that cannot be answered within {@link #WAIT_MILLIS} gets NOT_LEADER, and the
 * client asks the leader instead. Every other request is refused as on any follower. Master thread
 * only, except {@link #inbound()}'s hand-over and the counter.
 */
public final class ShadowReads {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowReads.class);
    static final long WAIT_MILLIS = 2000;
    private static final Set<Class<? extends Message>> READS = Set.of(Lookup.class, GetAttr.class, ReadDir.class,
            ReadDirNames.class, ReadLink.class, GetXattr.class, ListXattr.class);
    private static final Creds NOBODY = new Creds(65534, 65534, new int[0]);

    /** A read session's state, kept on its connection. */
    private static final class Reader {
        byte[] challenge;
        boolean admitted;
        long fence;
    }

    private record Held(Peer from, Message m, long need, long since) {
    }

    private record Unsent(Peer to, Message reply, long version, long since) {
    }

    private final Executor master;
    private final Namespace ns;
    private final LiveExports exports;
    private final Clock clock;
    private final LongSupplier applied;
    private final LongSupplier committed;
    private final Peer.Inbound refuse;
    private final RequestDispatcher dispatcher;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final ArrayDeque<Unsent> unsent = new ArrayDeque<>();
    private final AtomicLong served = new AtomicLong();

    /**
     * @param applied   the version of the metadata in memory
     * @param committed the version the leader said is committed
     * @param refuse    answers everything that is not a read (NOT_LEADER)
     */
    public ShadowReads(Executor master, Namespace ns, LiveExports exports, Clock clock, LongSupplier applied,
            LongSupplier committed, Peer.Inbound refuse) {
        this.master = master;
        this.ns = ns;
        this.exports = exports;
        this.clock = clock;
        this.applied = applied;
        this.committed = committed;
        this.refuse = refuse;
        this.dispatcher = new RequestDispatcher(new RequestDispatcher.ConnectionHooks() {
            @Override
            public void onRequest(Peer from) {
            }

            @Override
            public void onClose(Peer peer) {
            }
        });
        dispatcher.setReplyGate(this::whenCommitted);
        new NamespaceCalls(ns).register(dispatcher);
    }

    /** The handler of a client connection to this follower. */
    public Peer.Inbound inbound() {
        return new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message m) {
                master.execute(() -> handle(from, m));
            }

            @Override
            public void onOpen(Peer peer) {
                peer.attach(new Reader());
                if (!exports.current().isOpenToAll()) {
                    peer.filterCreds(c -> NOBODY);
                }
            }
        };
    }

    /** Reads answered so far (any thread). */
    public long served() {
        return served.get();
    }

    private void handle(Peer from, Message m) {
        Reader r = from.attachment() instanceof Reader x ? x : null;
        if (r == null) {
            refuse.onMessage(from, m);
        } else if (m instanceof SessionChallenge c) {
            r.challenge = PasswordProof.challenge();
            from.send(new ChallengeReply(c.msgId(), Status.OK, r.challenge));
        } else if (m instanceof ReadSession s) {
            open(from, r, s);
        } else if (m instanceof ReadFence f) {
            r.fence = Math.max(r.fence, f.version());
        } else if (m instanceof Ping p) {
            from.send(new StatusReply(p.msgId(), Status.OK));
        } else if (r.admitted && READS.contains(m.getClass())) {
            if (held.isEmpty() && applied.getAsLong() >= r.fence) {
                serve(from, m);
            } else {
                held.add(new Held(from, m, r.fence, clock.millis()));
            }
        } else {
            refuse.onMessage(from, m);
        }
    }

    private void open(Peer from, Reader r, ReadSession s) {
        InetAddress address = from.remote() instanceof InetSocketAddress a ? a.getAddress()
                : InetAddress.getLoopbackAddress();
        Exports.Decision d = exports.current().decide(address, s.subdir(), r.challenge, s.passwordAnswer());
        r.challenge = null;
        if (!d.admitted()) {
            LOG.warn("client {} ({}) read session refused: {}", from.remote(), s.clientInfo(), d.refusal());
            from.send(new RegisterSessionReply(s.msgId(), Status.EACCES, 0, 0, false, d.refusal()));
            return;
        }
        long root;
        try {
            root = resolve(s.subdir());
        } catch (MfsException e) {
            from.send(new RegisterSessionReply(s.msgId(), e.status(), 0, 0, false, e.getMessage()));
            return;
        }
        r.admitted = true;
        from.filterCreds(d.rule()::map);
        LOG.info("client {} ({}) opened a read session at inode {} (version {})", from.remote(), s.clientInfo(), root,
                applied.getAsLong());
        from.send(new RegisterSessionReply(s.msgId(), Status.OK, 0, root, true, ""));
    }

    private long resolve(String subdir) throws MfsException {
        long inode = Namespace.ROOT;
        for (String part : subdir.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                inode = ns.lookup(Creds.ROOT, inode, part).inode();
            }
        }
        if (!ns.getattr(inode).isDirectory()) {
            throw new MfsException(Status.ENOTDIR, "session subdir '" + subdir + "' is not a directory");
        }
        return inode;
    }

    private void serve(Peer from, Message m) {
        served.incrementAndGet();
        dispatcher.dispatch(from, m);
    }

    private void whenCommitted(Peer to, Message reply) {
        long v = applied.getAsLong();
        if (unsent.isEmpty() && committed.getAsLong() >= v) {
            to.send(reply);
        } else {
            unsent.add(new Unsent(to, reply, v, clock.millis()));
        }
    }

    /** Applied or committed versions moved, or time passed: answer what can be, give up what waited too long. */
    public void progress() {
        long now = clock.millis();
        while (!held.isEmpty()) {
            Held h = held.peek();
            if (applied.getAsLong() >= h.need()) {
                held.poll();
                serve(h.from(), h.m());
            } else if (now - h.since() >= WAIT_MILLIS) {
                held.poll();
                LOG.debug("client {}: version {} not reached in {} ms; sent to the leader", h.from().remote(),
                        h.need(), WAIT_MILLIS);
                h.from().send(new StatusReply(h.m().msgId(), Status.NOT_LEADER));
            } else {
                break;
            }
        }
        while (!unsent.isEmpty()) {
            Unsent u = unsent.peek();
            if (committed.getAsLong() >= u.version()) {
                unsent.poll();
                u.to().send(u.reply());
            } else if (now - u.since() >= WAIT_MILLIS) {
                unsent.poll();
                u.to().send(new StatusReply(u.reply().msgId(), Status.NOT_LEADER));
            } else {
                break;
            }
        }
    }
}
