package org.mfsj.client.master;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.mfsj.client.ClientConfig;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ChallengeReply;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.ReadSession;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.SessionChallenge;

/** Connects to one master and registers (or resumes) a session on it; one attempt, no retries. */
final class SessionOpener {
    record Session(Peer peer, long sessionId, long rootInode) {
    }

    private final EventLoopGroup group;
    private final ClientConfig cfg;
    private final Peer.Inbound handler;
    /** The newest leader's term a session was opened under (master HA): older ones were deposed. */
    private final AtomicLong highestTerm = new AtomicLong();

    SessionOpener(EventLoopGroup group, ClientConfig cfg, Peer.Inbound handler) {
        this.group = group;
        this.cfg = cfg;
        this.handler = handler;
    }

    /**
     * Failures worth another try of the master list, as opposed to the master saying no: the
     * connection itself, or a master that does not lead (master HA: another of the list does).
     */
    static boolean isTransport(Status s) {
        return s == Status.DISCONNECTED || s == Status.ETIMEDOUT || s == Status.NOT_LEADER;
    }

    Session open(ServerAddress a, long resumeId) throws MfsException {
        return open(a, handler, "session " + resumeId, proof -> id -> new RegisterSession(id, resumeId,
                cfg.clientInfo(), cfg.subdir(), proof));
    }

    /** A read-only session on a follower (master HA); a leader refuses it with EAGAIN. */
    Session openRead(ServerAddress a, Peer.Inbound inbound) throws MfsException {
        return open(a, inbound, "a read session", proof -> id -> new ReadSession(id, cfg.clientInfo(), cfg.subdir(),
                proof));
    }

    private Session open(ServerAddress a, Peer.Inbound inbound, String which,
            Function<byte[], IntFunction<Message>> register) throws MfsException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, cfg.callTimeout().toMillis());
        String what = "connect to master " + a;
        Peer p = Futures.await(WireClient.connect(group, a, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                inbound, timeout), what);
        RegisterSessionReply r;
        try {
            byte[] answer = new byte[0];
            if (cfg.passwordMd5() != null) {
                ChallengeReply c = Futures.await(p.call(SessionChallenge::new, ChallengeReply.class, timeout),
                        "password challenge from master " + a);
                MfsException.check(c.status(), "password challenge from master " + a);
                answer = PasswordProof.answer(cfg.passwordMd5(), c.challenge());
            }
            r = Futures.await(p.call(register.apply(answer), RegisterSessionReply.class, timeout),
                    "register " + which + " at master " + a);
        } catch (MfsException e) {
            p.close();
            throw e;
        }
        if (!r.status().isOk()) {
            p.close();
            throw new MfsException(r.status(), "master " + a + " refused " + which + " on "
                    + cfg.subdir() + ": " + (r.refusal().isEmpty() ? r.status().message() : r.refusal()));
        }
        long seen = highestTerm.get();
        if (r.term() != 0 && r.term() < seen) {
            // a leader cut off from the majority, not aware yet: it could answer with stale metadata
            p.close();
            throw new MfsException(Status.NOT_LEADER, "master " + a + " leads term " + r.term() + ", but term " + seen
                    + " served this client already: a deposed master; trying the next");
        }
        highestTerm.accumulateAndGet(r.term(), Math::max);
        return new Session(p, r.sessionId(), r.rootInode());
    }
}
