package org.mfsj.tools.cmd;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.ClusterStatus;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.types.SessionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mfs status}: servers, disks, space, chunks by number of valid copies, client sessions. */
@Command(name = "status", description = "Show chunkservers, disks, space, chunk health and client sessions.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Override
    public Integer call() throws Exception {
        List<ServerAddress> masters = client.masters();
        if (masters.size() > 1) {
            MasterRoles.print(masters, System.out);
        }
        try (MfsClient c = client.connect()) {
            ClusterStatus s = c.clusterStatus();
            System.out.println("master " + (masters.size() > 1 ? "(leader)" : client.master()) + ": " + s.sessions() + " sessions, " + s.inodes() + " inodes, "
                    + s.chunks() + " chunks");
            System.out.printf("%-22s %-9s %8s %10s %10s %5s%n", "chunkserver", "state", "chunks", "used", "total", "used%");
            for (ServerReport r : s.servers()) {
                System.out.printf("%-22s %-9s %8d %10s %10s %4d%%%n", r.address(), r.connected() ? "connected" : "gone",
                        r.chunks(), size(r.usedBytes()), size(r.totalBytes()), percent(r.usedBytes(), r.totalBytes()));
                for (DiskReport d : r.disks()) {
                    System.out.printf("    disk %-40s %8d %10s %10s%s%n", d.path(), d.chunks(), size(d.usedBytes()),
                            size(d.totalBytes()), d.failed() ? " FAILED" : d.markedForRemoval() ? " (marked for removal)" : "");
                }
            }
            List<Long> byCopies = s.chunksByCopies();
            System.out.println("chunks by number of valid copies:");
            for (int n = 0; n < byCopies.size(); n++) {
                if (byCopies.get(n) > 0) {
                    System.out.printf("  %d cop%s: %d%s%n", n, n == 1 ? "y" : "ies", byCopies.get(n),
                            n == 0 ? "  (missing: no valid copy!)" : "");
                }
            }
            System.out.println("undergoal: " + s.undergoal() + ", overgoal: " + s.overgoal());
            printSessions(c.sessions());
        }
        return 0;
    }

    private static void printSessions(List<SessionReport> sessions) {
        System.out.printf("%-8s %-24s %-28s %-12s %6s %6s %s%n", "session", "client", "address", "state", "open",
                "locks", "root inode");
        for (SessionReport r : sessions) {
            String state = r.connected() ? "connected" : "away since " + Instant.ofEpochMilli(r.lastSeenMillis());
            System.out.printf("%-8d %-24s %-28s %-12s %6d %6d %d%n", r.id(), r.clientInfo(), r.address(), state,
                    r.openFiles(), r.locks(), r.rootInode());
        }
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(u == 0 ? "%.0f%s" : "%.1f%s", v, units[u]);
    }

    static int percent(long used, long total) {
        return total <= 0 ? 0 : (int) (used * 100 / total);
    }
}
