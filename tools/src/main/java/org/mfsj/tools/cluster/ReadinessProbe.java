package org.mfsj.tools.cluster;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.ClusterStatus;
import org.mfsj.common.wire.client2master.ClusterStatusReply;

/**
 * Asks the masters, over the client protocol, whether the expected chunkservers are registered;
 * with master HA, ready means the leader (the one master that answers) has them all.
 */
final class ReadinessProbe {
    private final List<ServerAddress> masters;
    private final java.nio.file.Path logDir;

    ReadinessProbe(List<ServerAddress> masters, java.nio.file.Path logDir) {
        this.masters = List.copyOf(masters);
        this.logDir = logDir;
    }

    /**
     * Polls until every expected chunkserver is connected; {@code failure} describes a process that
     * died meanwhile (with its log), which ends the wait at once instead of at the deadline.
     */
    void await(Instant deadline, Supplier<List<ServerAddress>> expected, Supplier<String> failure)
            throws IOException, InterruptedException {
        EventLoopGroup group = Transport.newGroup(1);
        try {
            String last = "master not answering at " + masters;
            while (Instant.now().isBefore(deadline)) {
                String dead = failure.get();
                if (dead != null) {
                    throw new IOException(dead);
                }
                String missing = null;
                for (ServerAddress master : masters) {
                    missing = check(group, master, expected.get());
                    if (missing == null) {
                        break;
                    }
                }
                if (missing == null) {
                    return;
                }
                last = missing;
                Thread.sleep(200);
            }
            throw new IOException("cluster not ready: " + last + "; see the logs in " + logDir);
        } finally {
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }

    private String check(EventLoopGroup group, ServerAddress master, List<ServerAddress> expected)
            throws InterruptedException {
        Peer peer;
        try {
            peer = WireClient.connect(group, master, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                    (p, m) -> { }, 1000).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "master not answering at " + master;
        }
        try {
            ClusterStatusReply r = peer.call(ClusterStatus::new, ClusterStatusReply.class, 3000).get(4, TimeUnit.SECONDS);
            Set<ServerAddress> connected = new HashSet<>();
            for (ServerReport s : r.servers()) {
                if (s.connected()) {
                    connected.add(s.address());
                }
            }
            for (ServerAddress a : expected) {
                if (!connected.contains(a)) {
                    return "chunkserver " + a + " not registered with the master";
                }
            }
            return null;
        } catch (Exception e) {
            return "master at " + master + " did not answer a status call: " + e.getMessage();
        } finally {
            peer.close();
        }
    }
}
