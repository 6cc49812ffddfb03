package org.mfsj.tools.cmd;

import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.common.wire.client2master.TransferLeader;
import org.mfsj.common.wire.client2master.TransferLeaderReply;

/**
 * A planned switch-over (master HA): asks the leader to hand leadership to {@code target} (empty:
 * the most up-to-date follower), then waits until another master of the list leads and says which.
 */
final class MasterHandOver {
    /** How long the new leader may take to be elected after it was told. */
    private static final Duration ELECTION = Duration.ofSeconds(10);
    private static final int CONNECT_MILLIS = 3000;

    private MasterHandOver() {
    }

    /** The {@code --timeout} both commands take, checked. */
    static Duration catchUpTimeout(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }

    static int run(List<ServerAddress> masters, ServerAddress first, String target, Duration timeout,
            PrintStream out) throws MfsException {
        ServerAddress leader = first;
        for (int attempt = 1; ; attempt++) {
            TransferLeaderReply r = askWhenFree(leader, target, timeout);
            if (attempt > 1 && r.status() == Status.EINVAL && r.message().contains("which leads already")) {
                return 0;
            }
            if (!r.status().isOk()) {
                throw new MfsException(r.status(), "master " + leader + " did not hand over: " + r.message());
            }
            out.println("master " + leader + ": " + r.message());
            ServerAddress winner = awaitOtherLeader(masters, leader, out);
            if (winner != null && (target.isBlank() || attempt >= 2 || named(winner, target))) {
                return 0;
            }
            if (winner != null) {
                // the old leader stepped down when it told the target; if the target's election did not
                // take, another master may have won the next one: it is asked to hand over in turn
                out.println("master " + winner + " won the election after the hand-over instead; asking it to hand"
                        + " over to " + target);
                leader = winner;
                continue;
            }
            // the target's election did not take (an entry landed after it was told, or its vote requests
            // came late): the old leader leads on, holding nothing; one more hand-over usually takes
            if (attempt >= 2 || !leader.equals(MasterRoles.leader(masters))) {
                throw new MfsException(Status.ETIMEDOUT, "no master other than " + leader + " leads "
                        + ELECTION.toSeconds() + " s after the hand-over; see 'mfs role' and the masters' logs");
            }
            out.println("master " + leader + " leads on: the election after the hand-over did not take; asking again");
        }
    }

    private static boolean named(ServerAddress winner, String target) {
        try {
            return winner.equals(ServerAddress.parseList(target.trim(), 0).get(0));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The master other than {@code leader} that leads within the election window, null if none. */
    private static ServerAddress awaitOtherLeader(List<ServerAddress> masters, ServerAddress leader, PrintStream out)
            throws MfsException {
        long deadline = System.nanoTime() + ELECTION.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<MasterRoleReply> roles = MasterRoles.ask(masters);
            for (int i = 0; i < roles.size(); i++) {
                MasterRoleReply role = roles.get(i);
                if (role != null && role.role().equals("leader") && !masters.get(i).equals(leader)) {
                    out.println("master " + masters.get(i) + " leads in term " + role.term() + " at version "
                            + role.version());
                    return masters.get(i);
                }
            }
            pause();
        }
        return null;
    }

    /** Asks; a leader still finishing a failed hand-over (EAGAIN) is asked again for a few seconds. */
    private static TransferLeaderReply askWhenFree(ServerAddress leader, String target, Duration timeout)
            throws MfsException {
        long deadline = System.nanoTime() + ELECTION.toNanos();
        while (true) {
            TransferLeaderReply r = ask(leader, target, timeout);
            if (r.status() != Status.EAGAIN || r.message().contains("has not answered")
                    || System.nanoTime() - deadline >= 0) {
                return r;
            }
            pause();
        }
    }

    private static TransferLeaderReply ask(ServerAddress leader, String target, Duration timeout) throws MfsException {
        EventLoopGroup group = Transport.newGroup(1);
        Peer p = null;
        long wait = timeout.toMillis() + ELECTION.toMillis();
        try {
            p = WireClient.connect(group, leader, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                    (f, m) -> { }, CONNECT_MILLIS).get(CONNECT_MILLIS, TimeUnit.MILLISECONDS);
            return p.call(id -> new TransferLeader(id, target, timeout.toMillis()), TransferLeaderReply.class, wait)
                    .get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MfsException(Status.ETIMEDOUT, "master " + leader + " did not answer the hand-over request: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MfsException(Status.ETIMEDOUT, "interrupted while asking " + leader + " to hand over");
        } finally {
            if (p != null) {
                p.close();
            }
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** The leader among {@code masters}, or an error saying none leads. */
    static ServerAddress leaderOf(List<ServerAddress> masters) throws MfsException {
        List<MasterRoleReply> roles = MasterRoles.ask(masters);
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) != null && roles.get(i).role().equals("leader")) {
                return masters.get(i);
            }
            if (roles.get(i) != null && roles.get(i).role().equals("single")) {
                throw new MfsException(Status.EINVAL, "master " + masters.get(i) + " runs alone (no peers): there is"
                        + " no other master to hand leadership to");
            }
        }
        throw new MfsException(Status.NOT_LEADER, "no master of " + masters + " leads right now (see 'mfs role'); try"
                + " again once one does");
    }

    private static void pause() throws MfsException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MfsException(Status.ETIMEDOUT, "interrupted");
        }
    }
}
