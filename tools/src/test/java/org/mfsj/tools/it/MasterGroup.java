package org.mfsj.tools.it;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.common.wire.client2master.ReadsServed;
import org.mfsj.tools.cluster.LocalCluster;
import org.mfsj.tools.cmd.MasterRoles;

/** The voting masters of a test cluster as their own answers describe them (master HA). */
final class MasterGroup {
    private final LocalCluster cluster;

    MasterGroup(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /** How many reads master {@code i} answered on read sessions (as a follower); -1 if it does not answer. */
    long readsServed(int i) {
        EventLoopGroup group = Transport.newGroup(1);
        Peer p = null;
        try {
            p = WireClient.connect(group, cluster.masterAddresses().get(i), ClientMasterProtocol.FAMILY,
                    ClientMasterProtocol.FAMILY, (f, m) -> { }, 3000).get(3, TimeUnit.SECONDS);
            return p.call(ReadsServed::new, CountReply.class, 3000).get(3, TimeUnit.SECONDS).count();
        } catch (Exception e) {
            return -1;
        } finally {
            if (p != null) {
                p.close();
            }
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** The client address of the master named {@code name}. */
    ServerAddress address(String name) {
        return cluster.masterAddresses().get(cluster.masterNames().indexOf(name));
    }

    /** Every master as one -H argument of the tools. */
    String list() {
        return String.join(",", cluster.masterAddresses().stream().map(ServerAddress::toString).toList());
    }

    List<MasterRoleReply> roles() {
        return MasterRoles.ask(cluster.masterAddresses());
    }

    /** The process name of the master that leads, waiting for one that is not {@code notThis}. */
    String awaitLeader(String notThis, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<MasterRoleReply> roles = roles();
            for (int i = 0; i < roles.size(); i++) {
                String name = cluster.masterNames().get(i);
                if (roles.get(i) != null && roles.get(i).role().equals("leader") && !name.equals(notThis)) {
                    return name;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no master other than " + notThis + " leads after " + timeout.toSeconds() + " s: "
                + roles());
    }

    /** Waits until every master answers with one term and one metadata version (nothing in flight). */
    MasterRoleReply awaitInStep(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<MasterRoleReply> roles = roles();
        while (Instant.now().isBefore(deadline)) {
            roles = roles();
            MasterRoleReply first = roles.get(0);
            if (first != null && roles.stream().allMatch(r -> r != null && r.term() == first.term()
                    && r.version() == first.version() && r.commitVersion() == first.version())
                    && roles.stream().filter(r -> r.role().equals("leader")).count() == 1) {
                return first;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("masters not in step after " + timeout.toSeconds() + " s: "
                + roles.stream().map(r -> Objects.toString(r)).toList());
    }
}
