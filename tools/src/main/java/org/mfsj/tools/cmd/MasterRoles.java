package org.mfsj.tools.cmd;

import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.MasterRole;
import org.mfsj.common.wire.client2master.MasterRoleReply;

/**
 * Each master's place in the group (master HA): role, term, metadata version, and its lag behind
 * the leader in versions. A master that does not answer is shown as such.
 */
public final class MasterRoles {
    private static final int TIMEOUT_MILLIS = 3000;

    private MasterRoles() {
    }

    /** Asks each master; null for one that did not answer. */
    public static List<MasterRoleReply> ask(List<ServerAddress> masters) {
        EventLoopGroup group = Transport.newGroup(1);
        List<MasterRoleReply> out = new ArrayList<>();
        try {
            for (ServerAddress a : masters) {
                out.add(ask(group, a));
            }
        } finally {
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
        return out;
    }

    private static MasterRoleReply ask(EventLoopGroup group, ServerAddress a) {
        Peer p = null;
        try {
            p = WireClient.connect(group, a, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY, (f, m) -> { },
                    TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return p.call(MasterRole::new, MasterRoleReply.class, TIMEOUT_MILLIS).get(TIMEOUT_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /** The master of {@code masters} that leads (asked only when there are several), else the first. */
    static ServerAddress leader(List<ServerAddress> masters) {
        if (masters.size() > 1) {
            List<MasterRoleReply> roles = ask(masters);
            for (int i = 0; i < roles.size(); i++) {
                if (roles.get(i) != null && roles.get(i).role().equals("leader")) {
                    return masters.get(i);
                }
            }
        }
        return masters.get(0);
    }

    static void print(List<ServerAddress> masters, PrintStream out) {
        List<MasterRoleReply> roles = ask(masters);
        long leaderVersion = roles.stream().filter(r -> r != null && (r.role().equals("leader") || r.role().equals("single")))
                .mapToLong(MasterRoleReply::version).max().orElse(-1);
        out.printf("%-22s %-10s %6s %12s %12s %8s%n", "master", "role", "term", "version", "committed", "lag");
        for (int i = 0; i < masters.size(); i++) {
            MasterRoleReply r = roles.get(i);
            if (r == null) {
                out.printf("%-22s %-10s%n", masters.get(i), "down");
                continue;
            }
            String lag = leaderVersion < 0 ? "?" : String.valueOf(Math.max(0, leaderVersion - r.version()));
            out.printf("%-22s %-10s %6d %12d %12d %8s%s%n", masters.get(i), r.role(), r.term(), r.version(),
                    r.commitVersion(), lag, r.catchUp().isEmpty() ? "" : "  " + r.catchUp());
        }
        // the leader's log says who votes; a master not asked (or down) may still be one of them
        roles.stream().filter(r -> r != null && r.role().equals("leader") && !r.voters().isEmpty()).findFirst()
                .ifPresent(r -> out.println("voters (sync addresses, as the leader's log names them): "
                        + r.voters().replace(",", ", ")));
    }
}
