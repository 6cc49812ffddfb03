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
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.ChangeVotersReply;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;

/**
 * {@code mfs master add|remove}: asks the leader to change the voting masters by one and waits
 * until the new set is committed, or says why it was not changed.
 */
final class MasterVoters {
    /** Beyond the catch-up: how long committing the new set may take. */
    private static final Duration COMMIT = Duration.ofSeconds(15);
    private static final int CONNECT_MILLIS = 3000;

    private MasterVoters() {
    }

    static int run(List<ServerAddress> masters, boolean add, String master, Duration timeout, PrintStream out)
            throws MfsException {
        ServerAddress leader = MasterHandOver.leaderOf(masters);
        ChangeVotersReply r = ask(leader, add, master, timeout);
        if (!r.status().isOk()) {
            throw new MfsException(r.status(), "master " + leader + " did not " + (add ? "add " : "remove ") + master
                    + ": " + r.message());
        }
        out.println("master " + leader + ": " + r.message());
        return 0;
    }

    private static ChangeVotersReply ask(ServerAddress leader, boolean add, String master, Duration timeout)
            throws MfsException {
        EventLoopGroup group = Transport.newGroup(1);
        Peer p = null;
        long wait = timeout.toMillis() + COMMIT.toMillis();
        try {
            p = WireClient.connect(group, leader, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                    (f, m) -> { }, CONNECT_MILLIS).get(CONNECT_MILLIS, TimeUnit.MILLISECONDS);
            return p.call(id -> new ChangeVoters(id, add, master, timeout.toMillis()), ChangeVotersReply.class, wait)
                    .get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MfsException(Status.ETIMEDOUT, "master " + leader + " did not answer the change of voters"
                    + " (it may have stepped down; see 'mfs status' for the voters): "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MfsException(Status.ETIMEDOUT, "interrupted while asking " + leader + " to change the voters");
        } finally {
            if (p != null) {
                p.close();
            }
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }
}
