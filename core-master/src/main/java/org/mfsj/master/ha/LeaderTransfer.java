package org.mfsj.master.ha;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.TransferLeader;
import org.mfsj.common.wire.client2master.TransferLeaderReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned hand-over of leadership ({@code mfs master promote|demote}), on the leader: client
 * requests are held, the target is brought up to date, then told to stand for election at once.
 * The operator is answered when the target was told (it then wins and this master steps down), or
 * with the reason it was not: an address that names no voter, a target still behind at the
 * deadline. Master thread only; {@link #tick()} runs often to check the deadline.
 */
public final class LeaderTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderTransfer.class);
    static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    static final long MAX_TIMEOUT_MILLIS = 600_000;

    private final RaftCore raft;
    private final RequestHold hold;
    private final Executor master;
    private final Clock clock;
    private final String self;
    private final PeerLinks peerSync;
    private final Map<Integer, String> peerClients = new HashMap<>();
    private final LongSupplier lastVersion;
    private Peer asker;
    private int askId;
    private int target = -1;
    private long deadline;

    /**
     * @param self     where this master's clients reach it
     * @param peerSync the other masters' sync addresses, in the consensus core's peer order
     */
    public LeaderTransfer(RaftCore raft, RequestHold hold, Executor master, Clock clock, String self,
            PeerLinks peerSync, LongSupplier lastVersion) {
        this.raft = raft;
        this.hold = hold;
        this.master = master;
        this.clock = clock;
        this.self = self;
        this.peerSync = peerSync;
        this.lastVersion = lastVersion;
    }

    /** Peer {@code peer} said where its clients reach it. */
    public void heard(int peer, String clientsAt) {
        peerClients.put(peer, clientsAt);
    }

    public void start(Peer from, TransferLeader t) {
        if (raft.role() != RaftCore.Role.LEADER) {
            String leader = raft.leaderClients();
            refuse(from, t, Status.NOT_LEADER, "master " + self + " does not lead"
                    + (leader.isEmpty() ? "; no leader is known yet, try again shortly" : "; ask the leader, " + leader));
            return;
        }
        if (asker != null || hold.holding()) {
            refuse(from, t, Status.EAGAIN, "a hand-over is already under way on master " + self);
            return;
        }
        int peer;
        if (t.target().isBlank()) {
            peer = mostUpToDate();
        } else {
            peer = find(t.target().trim());
            if (peer == -2) {
                refuse(from, t, Status.EINVAL, t.target() + " is master " + self + ", which leads already");
                return;
            }
            if (peer < 0) {
                refuse(from, t, Status.ENOENT, t.target() + " is not a voting master of this group; the voters"
                        + " are " + self + " (leading), " + String.join(", ", voters()) + ": give one of them as"
                        + " HOST:PORT");
                return;
            }
        }
        if (!raft.heardWithin(peer, raft.electionMaxMillis())) {
            // holding every client for a target that cannot answer would only stall them
            refuse(from, t, Status.EAGAIN, "master " + name(peer) + " has not answered for over "
                    + raft.electionMaxMillis() + " ms (is it running and connected?); master " + self + " leads on");
            return;
        }
        long timeout = t.timeoutMillis() <= 0 ? DEFAULT_TIMEOUT_MILLIS : Math.min(t.timeoutMillis(), MAX_TIMEOUT_MILLIS);
        asker = from;
        askId = t.msgId();
        target = peer;
        deadline = clock.millis() + timeout;
        hold.hold();
        LOG.info("master {} hands leadership to {} (peer {}, holds {} of {}); client requests held for at most {} ms",
                self, name(peer), peer, raft.matchOf(peer), lastVersion.getAsLong(), timeout);
        // requests let through just before the hold may still be queued on this thread: they go first,
        // so that nothing is appended once the target was told it holds everything
        master.execute(() -> {
            if (asker != null && raft.role() == RaftCore.Role.LEADER) {
                raft.transfer(peer, this::handedOver);
            }
        });
    }

    private void handedOver() {
        String to = name(target);
        reply(Status.OK, "master " + to + " holds every change and stands for election now; master " + self
                + " steps down once it wins");
        // still held: the winner's first message makes this master step down and drop the connections
        deadline = clock.millis() + raft.electionMaxMillis() * 2;
        target = -1;
    }

    /** Checks the deadline: a target still behind is given up, and so is an election that never came. */
    public void tick() {
        if (!hold.holding() || clock.millis() < deadline) {
            return;
        }
        if (asker != null) {
            long behind = lastVersion.getAsLong() - raft.matchOf(target);
            raft.cancelTransfer();
            LOG.warn("master {}: {} still lacks {} change(s) at the deadline; hand-over given up, serving on", self,
                    name(target), behind);
            reply(Status.ETIMEDOUT, "master " + name(target) + " was still " + behind + " change(s) behind at the"
                    + " deadline (is it running and connected?); master " + self + " leads on. Try again, or give"
                    + " a longer --timeout");
        } else {
            LOG.warn("master {}: no new leader was elected after the hand-over; leading on", self);
        }
        target = -1;
        hold.release();
    }

    private void reply(Status status, String message) {
        Peer to = asker;
        asker = null;
        if (to != null) {
            to.send(new TransferLeaderReply(askId, status, status == Status.OK ? name(target) : "", message));
        }
    }

    private static void refuse(Peer from, TransferLeader t, Status status, String message) {
        LOG.info("leadership hand-over to '{}' refused: {}", t.target(), message);
        from.send(new TransferLeaderReply(t.msgId(), status, "", message));
    }

    /** The peer holding the most of the log among those that answer; the first if none does. */
    private int mostUpToDate() {
        int best = -1;
        for (int p : raft.quorum().voters()) {
            if (raft.heardWithin(p, raft.electionMaxMillis()) && (best < 0 || raft.matchOf(p) > raft.matchOf(best))) {
                best = p;
            }
        }
        return best >= 0 ? best : raft.quorum().voters().stream().findFirst().orElse(0);
    }

    /** The peer named by {@code text} (its clients' or its sync address), -2 for this master, -1 for none. */
    private int find(String text) {
        ServerAddress a;
        try {
            a = ServerAddress.parseList(text, 0).get(0);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (same(a, self)) {
            return -2;
        }
        for (int p : raft.quorum().voters()) {
            if (same(a, peerClients.get(p)) || same(a, peerSync.address(p).toString())) {
                return p;
            }
        }
        return -1;
    }

    private static boolean same(ServerAddress a, String other) {
        return other != null && SyncAddresses.same(a, ServerAddress.parseList(other, 0).get(0));
    }

    private String name(int peer) {
        return peer < 0 ? "?" : peerClients.get(peer) != null ? peerClients.get(peer)
                : "at sync address " + peerSync.address(peer);
    }

    private List<String> voters() {
        List<String> out = new ArrayList<>();
        for (int p : raft.quorum().voters()) {
            out.add(peerClients.get(p) != null ? peerClients.get(p)
                    : peerSync.address(p) + " (sync port; not heard from yet)");
        }
        return out;
    }
}
