package org.mfsj.tools.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The config of one of a local cluster's voting masters (master HA), in the seed's keys: master 1
 * is the active master (MASTER_STATE = 1) with master 2 as its slave and the rest as shadows; the
 * others name master 1 in MASTER_HOST and each other as slave or shadows. Every master names every
 * other one, so all agree on who votes.
 */
final class HaMasterConfig {
    private static final String HOST = "127.0.0.1";

    private final ClusterLayout layout;
    private final int masters;

    HaMasterConfig(ClusterLayout layout, int masters) {
        this.layout = layout;
        this.masters = masters;
    }

    /** Process (and config) name of master {@code i}, 1-based. */
    static String name(int i) {
        return "master" + i;
    }

    /**
     * Every master's {@code kind} port ("cs", "client") as {@code host:port,...}; with one master,
     * the bare host (the port goes in its own key).
     */
    static String list(Properties p, int masters, String kind) {
        if (masters <= 1) {
            return HOST;
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= masters; i++) {
            out.add(HOST + ":" + p.getProperty(name(i) + "." + kind));
        }
        return String.join(",", out);
    }

    void write(int i, Properties p) throws IOException {
        Path data = layout.data(name(i));
        Files.createDirectories(data);
        StringBuilder peers = new StringBuilder();
        int shadow = 1;
        for (int j = 1; j <= masters; j++) {
            String sync = p.getProperty(name(j) + ".sync");
            if (j == i) {
                continue;
            }
            if (j == 1) {
                peers.append("MASTER_HOST = ").append(HOST).append(':').append(sync).append('\n');
            } else if (j == 2) {
                peers.append("SLA_SYNC_WORKER_HOST_1 = ").append(HOST).append('\n')
                        .append("SLA_SYNC_WORKER_PORT_1 = ").append(sync).append('\n');
            } else {
                peers.append("SYNC_WORKER_HOST_").append(shadow).append(" = ").append(HOST).append('\n')
                        .append("SYNC_WORKER_PORT_").append(shadow).append(" = ").append(sync).append('\n');
                shadow++;
            }
        }
        String cfg = """
                # %s of a local cluster with %d voting masters, written by 'mfs up --masters %d'
                DATA_PATH = %s
                MATOCS_LISTEN_HOST = 127.0.0.1
                MATOCS_LISTEN_PORT = %s
                MATOCL_LISTEN_HOST = 127.0.0.1
                MATOCL_LISTEN_PORT = %s
                SYNC_THREAD_LISTEN_PORT = %s
                # 1: stands first for election (the seed's active master); 0: slave or shadow
                MASTER_STATE = %d
                %s# a local cluster heals at once instead of waiting for a server to come back
                REPLICATIONS_DELAY_INIT = 5
                REPLICATIONS_DELAY_DISCONNECT = 5
                EXPORTS_FILENAME = %s
                """.formatted(name(i), masters, masters, data, p.getProperty(name(i) + ".cs"),
                p.getProperty(name(i) + ".client"), p.getProperty(name(i) + ".sync"), i == 1 ? 1 : 0, peers,
                layout.config("mfsexports.cfg"));
        Files.writeString(layout.config("mfs" + name(i) + ".cfg"), cfg);
    }
}
