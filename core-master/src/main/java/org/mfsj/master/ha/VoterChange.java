package org.mfsj.master.ha;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.ChangeVotersReply;
import org.mfsj.master.meta.Voters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mfs master add|remove} on the leader: one voter more or less at a time. A master to add is
 * first sent entries as a non-voter until a round of catching up takes less than an election
 * timeout (Raft thesis 4.2.1); then the new voter set goes into the log and rules at once. The
 * operator is answered once it is committed, or with the reason nothing changed: a change under
 * way, a leader whose own term has nothing committed yet, a master not caught up by the deadline,
 * a removal that would leave no majority in reach. Master thread only; {@link #tick()} runs often.
 */
public final class VoterChange {
    private static final Logger LOG = LoggerFactory.getLogger(VoterChange.class);
    static final long DEFAULT_TIMEOUT_MILLIS = 60_000;
    static final long MAX_TIMEOUT_MILLIS = 3_600_000;

    private final RaftCore raft;
    private final Membership members;
    private final PeerLinks links;
    private final HaLog log;
    private final Consumer<Voters> append;
    private final Clock clock;
    private Peer asker;
    private int askId;
    /** Adding: the peer catching up (-1: none), the round's target version, start and the deadline. */
    private int joining = -1;
    private long roundTarget;
    private long roundStart;
    private long deadline;
    /** The voter set proposed, once in the log, and its version; null when none is waiting to commit. */
    private List<String> proposed;
    private long proposedAt;

    /** {@code append} writes a voter set into the log (the leader's journal). */
    public VoterChange(RaftCore raft, Membership members, PeerLinks links, HaLog log, Consumer<Voters> append,
            Clock clock) {
        this.raft = raft;
        this.members = members;
        this.links = links;
        this.log = log;
        this.append = append;
        this.clock = clock;
    }

    public void start(Peer from, ChangeVoters c) {
        String refusal = refusal();
        ServerAddress a = null;
        try {
            a = Membership.parse(c.master().trim());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            refusal = refusal != null ? refusal : "'" + c.master() + "' is not HOST:PORT";
        }
        if (refusal != null) {
            refuse(from, c, refusal.startsWith("'") ? Status.EINVAL
                    : raft.role() != RaftCore.Role.LEADER ? Status.NOT_LEADER : Status.EAGAIN, refusal);
            return;
        }
        if (c.add()) {
            add(from, c, a);
        } else {
            remove(from, c, a);
        }
    }

    private String refusal() {
        if (raft.role() != RaftCore.Role.LEADER) {
            String leader = raft.leaderClients();
            return "master " + members.self() + " does not lead" + (leader.isEmpty()
                    ? "; no leader is known yet, try again shortly" : "; ask the leader, " + leader);
        }
        if (asker != null) {
            return "a change of voters is already under way (" + (joining >= 0 ? "adding " + links.address(joining)
                    : "voters " + proposed + " not committed yet") + "); try again once it is done";
        }
        if (!raft.quorum().mayChange()) {
            return "this leader has no entry of its own term committed yet, or the last change of voters is not"
                    + " committed; try again in a moment";
        }
        return null;
    }

    private void add(Peer from, ChangeVoters c, ServerAddress a) {
        if (members.isSelf(a) || votes(a)) {
            refuse(from, c, Status.EEXIST, a + " votes already; the voters are " + voters());
            return;
        }
        asker = from;
        askId = c.msgId();
        joining = links.add(a);
        long now = clock.millis();
        deadline = now + (c.timeoutMillis() <= 0 ? DEFAULT_TIMEOUT_MILLIS : Math.min(c.timeoutMillis(),
                MAX_TIMEOUT_MILLIS));
        roundTarget = log.lastVersion();
        roundStart = now;
        raft.quorum().catchUp(joining, links.size());
        LOG.info("master {} adds {} as a voter once it has caught up (leader at version {})", members.self(), a,
                roundTarget);
    }

    private void remove(Peer from, ChangeVoters c, ServerAddress a) {
        List<String> next = new ArrayList<>();
        boolean found = false;
        int live = 0;
        for (String m : members.current(log)) {
            ServerAddress v = Membership.parse(m);
            if (SyncAddresses.same(v, a)) {
                found = true;
                continue;
            }
            next.add(m);
            int p = links.indexOf(v);
            live += members.isSelf(v) || p >= 0 && raft.answeredWithin(p, raft.electionMinMillis()) ? 1 : 0;
        }
        if (!found) {
            refuse(from, c, Status.ENOENT, a + " is not a voter (give its sync address, HOST:PORT); the voters are "
                    + voters());
        } else if (next.isEmpty() || live * 2 <= next.size()) {
            refuse(from, c, Status.EAGAIN, "removing " + a + " would leave " + next + ", of which " + live
                    + " answer: no majority to commit the change; bring voters back (or add one) first");
        } else {
            asker = from;
            askId = c.msgId();
            propose(next);
        }
    }

    private void propose(List<String> next) {
        proposed = List.copyOf(next);
        append.accept(new Voters(proposed));
        proposedAt = log.votersVersion();
        LOG.info("master {} proposes voters {} at version {}", members.self(), proposed, proposedAt);
    }

    /** Advances a change under way: a catch-up round, the deadline, the commit of the new set. */
    public void tick() {
        if (asker == null) {
            return;
        }
        if (raft.role() != RaftCore.Role.LEADER) {
            finish(Status.NOT_LEADER, "master " + members.self() + " stopped leading before the change was committed;"
                    + " see 'mfs status' for the voters, and try again through the new leader");
        } else if (proposed != null) {
            if (raft.commitVersion() >= proposedAt) {
                finish(Status.OK, "voters now " + String.join(", ", proposed));
            }
        } else if (joining >= 0) {
            catchingUp();
        }
    }

    private void catchingUp() {
        long now = clock.millis();
        long match = raft.matchOf(joining);
        if (match >= roundTarget) {
            if (now - roundStart <= raft.electionMinMillis() && raft.quorum().mayChange()) {
                List<String> next = new ArrayList<>(members.current(log));
                next.add(links.address(joining).toString());
                joining = -1;
                propose(next);
                return;
            }
            roundTarget = log.lastVersion();
            roundStart = now;
        }
        if (now >= deadline) {
            ServerAddress a = links.address(joining);
            raft.quorum().stopCatchUp(joining);
            links.retainOnly(raft.quorum().targets());
            joining = -1;
            finish(Status.ETIMEDOUT, a + " had not caught up at the deadline (it holds version " + match + " of "
                    + log.lastVersion() + "; is it running, started with MASTER_STATE = 0, reachable?); nothing"
                    + " changed. Try again, or give a longer --timeout");
        }
    }

    private void finish(Status status, String message) {
        LOG.info("change of voters on master {}: {}", members.self(), message);
        Peer to = asker;
        asker = null;
        proposed = null;
        if (joining >= 0) {
            raft.quorum().stopCatchUp(joining);
            links.retainOnly(raft.quorum().targets());
            joining = -1;
        }
        to.send(new ChangeVotersReply(askId, status, String.join(",", members.current(log)), message));
    }

    private boolean votes(ServerAddress a) {
        int p = links.indexOf(a);
        return p >= 0 && raft.quorum().votes(p);
    }

    private String voters() {
        return String.join(", ", members.current(log));
    }

    private static void refuse(Peer from, ChangeVoters c, Status status, String message) {
        LOG.info("change of voters ({} {}) refused: {}", c.add() ? "add" : "remove", c.master(), message);
        from.send(new ChangeVotersReply(c.msgId(), status, "", message));
    }
}
