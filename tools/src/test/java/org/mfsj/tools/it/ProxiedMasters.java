package org.mfsj.tools.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * The links between a test cluster's voting masters, each through a {@link TcpProxy} of its own,
 * so that a test can cut any of them: {@code proxy(i, j)} carries master i's connections to master
 * j (its requests to j, and j's answers). Made before the cluster starts: it rewrites each master's
 * config to reach the others through the proxies.
 */
final class ProxiedMasters implements AutoCloseable {
    private final List<List<TcpProxy>> proxies = new ArrayList<>();

    ProxiedMasters(LocalCluster cluster) throws IOException {
        List<String> names = cluster.masterNames();
        for (int i = 0; i < names.size(); i++) {
            List<TcpProxy> row = new ArrayList<>();
            proxies.add(row);
            Path cfg = cluster.layout().config("mfs" + names.get(i) + ".cfg");
            String text = Files.readString(cfg);
            for (int j = 0; j < names.size(); j++) {
                if (j == i) {
                    row.add(null);
                    continue;
                }
                int sync = cluster.doorPort(names.get(j) + ".sync");
                TcpProxy p = new TcpProxy(sync);
                row.add(p);
                text = text.replaceAll("\\b" + sync + "\\b", String.valueOf(p.port()));
            }
            Files.writeString(cfg, text);
        }
    }

    /** Cuts (or heals) both directions between masters {@code a} and {@code b}. */
    void cutBetween(int a, int b, boolean cut) {
        for (TcpProxy p : List.of(proxies.get(a).get(b), proxies.get(b).get(a))) {
            if (cut) {
                p.cut();
            } else {
                p.heal();
            }
        }
    }

    /** The relay of master {@code from}'s connections to master {@code to}. */
    TcpProxy link(int from, int to) {
        return proxies.get(from).get(to);
    }

    /** Cuts (or heals) every link to and from master {@code m}. */
    void isolate(int m, boolean cut) {
        for (int other = 0; other < proxies.size(); other++) {
            if (other != m) {
                cutBetween(m, other, cut);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (List<TcpProxy> row : proxies) {
            for (TcpProxy p : row) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }
}
