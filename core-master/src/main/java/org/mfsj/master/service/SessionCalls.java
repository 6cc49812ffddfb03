package org.mfsj.master.service;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.wire.client2master.ChallengeReply;
import org.mfsj.common.wire.client2master.ListSessions;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.SessionChallenge;
import org.mfsj.common.wire.client2master.SessionsReply;
import org.mfsj.master.exports.ExportGuard;
import org.mfsj.master.exports.Exports;
import org.mfsj.master.exports.LiveExports;
import org.mfsj.master.meta.Journal;
import org.mfsj.master.meta.SessionOpened;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;
import org.mfsj.master.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RegisterSession, and keeping sessions' last-seen times as their connections make requests
 * and go away. A connection with no session (tools asking for status) is served all the same.
 */
public final class SessionCalls implements RequestDispatcher.ConnectionHooks {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCalls.class);

    private final Namespace ns;
    private final SessionRegistry sessions;
    private static final Creds NOBODY = new Creds(65534, 65534, new int[0]);

    private final Clock clock;
    private final LiveExports exports;
    private final Journal journal;
    /** Challenges handed out, per connection, for its next RegisterSession. */
    private final Map<Peer, byte[]> challenges = new HashMap<>();
    private final List<Consumer<Session>> droppedListeners = new ArrayList<>();
    private final List<Consumer<Session>> awayListeners = new ArrayList<>();
    private ToIntFunction<Session> lockCounter = s -> 0;
    private LongSupplier term = () -> 0;

    public SessionCalls(Namespace ns, SessionRegistry sessions, Clock clock, LiveExports exports, Journal journal) {
        this.ns = ns;
        this.sessions = sessions;
        this.clock = clock;
        this.exports = exports;
        this.journal = journal;
    }

    /** Called on the master thread for each session dropped after its sustain time. */
    public void onSessionDropped(Consumer<Session> listener) {
        droppedListeners.add(listener);
    }

    /**
     * Called on the master thread, at each sweep, for every session without a connection for
     * {@code away} or more (so more than once for the same session).
     */
    public void onSessionAway(Duration away, Consumer<Session> listener) {
        awayListeners.add(s -> {
            if (s.connections() == 0 && !clock.instant().isBefore(s.lastSeen().plus(away))) {
                listener.accept(s);
            }
        });
    }

    public void register(RequestDispatcher d) {
        d.on(RegisterSession.class, this::register, (id, st) -> new RegisterSessionReply(id, st, 0, 0));
        d.on(ListSessions.class, this::list, (id, st) -> new SessionsReply(id, st, List.of()));
        d.on(SessionChallenge.class, this::challenge, (id, st) -> new ChallengeReply(id, st, new byte[0]));
    }

    /** This master's term (epoch, master HA), told to each client whose session it opens. */
    public void setTerm(LongSupplier term) {
        this.term = term;
    }

    /** Counts locks of a session for reports; set by whoever holds the locks. */
    public void setLockCounter(ToIntFunction<Session> counter) {
        this.lockCounter = counter;
    }

    private Message list(Peer from, ListSessions l) {
        List<SessionReport> out = new ArrayList<>();
        for (Session s : sessions.all()) {
            out.add(new SessionReport(s.id(), s.clientInfo(), String.valueOf(s.address()), s.rootInode(),
                    s.connections() > 0, s.lastSeen().toEpochMilli(), s.openFiles(), lockCounter.applyAsInt(s)));
        }
        out.sort(Comparator.comparingLong(SessionReport::id));
        return new SessionsReply(l.msgId(), Status.OK, out);
    }

    private Message challenge(Peer from, SessionChallenge c) {
        byte[] challenge = PasswordProof.challenge();
        challenges.put(from, challenge);
        return new ChallengeReply(c.msgId(), Status.OK, challenge);
    }

    private Message register(Peer from, RegisterSession r) throws MfsException {
        InetAddress address = from.remote() instanceof InetSocketAddress a ? a.getAddress()
                : InetAddress.getLoopbackAddress();
        Exports.Decision d = exports.current().decide(address, r.subdir(), challenges.remove(from), r.passwordAnswer());
        if (!d.admitted()) {
            LOG.warn("client {} ({}) refused: {}", from.remote(), r.clientInfo(), d.refusal());
            return new RegisterSessionReply(r.msgId(), Status.EACCES, 0, 0, false, d.refusal());
        }
        long root = resolve(r.subdir());
        if (from.attachment() instanceof Session previous) {
            sessions.disconnected(previous, clock.instant());
        }
        Session s = sessions.open(r.sessionId(), r.clientInfo(), root, from.remote(), clock.instant());
        if (Long.compareUnsigned(s.id(), journal.state().maxSession()) > 0) {
            // the reply waits until this is durable, like any change
            journal.begin(s.id(), 0);
            journal.record(new SessionOpened(), null);
            journal.end();
        }
        s.export(d.rule());
        from.attach(s);
        from.filterCreds(d.rule()::map);
        LOG.info("client {} ({}) {} session {} at inode {} (export line {}{})", from.remote(), r.clientInfo(),
                r.sessionId() == 0 ? "opened" : "resumed", s.id(), root, d.rule().line(),
                d.rule().readOnly() ? ", read-only" : "");
        return new RegisterSessionReply(r.msgId(), Status.OK, s.id(), root, d.rule().readOnly(), "",
                term.getAsLong());
    }

    /** The inode of the mounted subtree, looked up from the root by path. */
    private long resolve(String subdir) throws MfsException {
        long inode = Namespace.ROOT;
        for (String part : subdir.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                inode = ns.lookup(Creds.ROOT, inode, part).inode();
            }
        }
        Attr a = ns.getattr(inode);
        if (!a.isDirectory()) {
            throw new MfsException(Status.ENOTDIR, "session subdir '" + subdir + "' is not a directory");
        }
        return inode;
    }

    /** With exports, a connection acts as nobody until a session admits it. */
    @Override
    public void onOpen(Peer peer) {
        if (!exports.current().isOpenToAll()) {
            peer.filterCreds(c -> NOBODY);
        }
    }

    @Override
    public Status admit(Peer from, Message m) {
        return from.attachment() instanceof Session s ? ExportGuard.admit(s.export(), m) : Status.OK;
    }

    @Override
    public void onRequest(Peer from) {
        if (from.attachment() instanceof Session s) {
            sessions.touch(s, clock.instant());
        }
    }

    @Override
    public void onClose(Peer peer) {
        challenges.remove(peer);
        if (peer.attachment() instanceof Session s) {
            sessions.disconnected(s, clock.instant());
            LOG.info("client {} of session {} disconnected", peer.remote(), s.id());
        }
    }

    /** Drops sessions idle past the sustain time; run now and then on the master thread. */
    public void purgeIdle() {
        for (Session s : sessions.awayFor(Duration.ZERO, clock.instant())) {
            awayListeners.forEach(l -> l.accept(s));
        }
        for (Session s : sessions.purge(clock.instant())) {
            LOG.info("session {} of {} dropped after being unused since {}", s.id(), s.clientInfo(), s.lastSeen());
            droppedListeners.forEach(l -> l.accept(s));
        }
    }
}
