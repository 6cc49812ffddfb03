package org.mfsj.tools.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.MasterConfig;
import org.mfsj.master.MasterServer;
import org.mfsj.master.ReplicatedMasterServer;
import org.mfsj.master.ha.HaConfig;

/**
 * The masters a benchmark runs against, in this JVM on loopback: one master alone, or three voting
 * masters (master HA: every change waits for a majority's fsync).
 */
final class BenchMasters implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ServerAddress> clients = new ArrayList<>();
    private MasterServer single;

    BenchMasters(Path data, int masters) throws Exception {
        if (masters == 1) {
            single = MasterServer.start(MasterConfig.from(base(data)), Clock.systemUTC());
            running.add(single);
            clients.add(new ServerAddress(HOST, single.clientPort()));
            return;
        }
        int[] sync = freePorts(masters);
        try {
            for (int i = 0; i < masters; i++) {
                Config c = base(data.resolve("m" + (i + 1))).with(HaConfig.SYNC_THREAD_LISTEN_PORT, sync[i])
                        .with(HaConfig.MASTER_STATE, i == 0 ? 1 : 0);
                int shadow = 1;
                for (int j = 0; j < masters; j++) {
                    if (j != i) {
                        c = c.with(HaConfig.shadowHost(shadow), HOST).with(HaConfig.shadowPort(shadow), sync[j]);
                        shadow++;
                    }
                }
                ReplicatedMasterServer m = ReplicatedMasterServer.start(MasterConfig.from(c), Clock.systemUTC());
                running.add(m);
                clients.add(new ServerAddress(HOST, m.clientPort()));
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private static Config base(Path data) {
        return ConfigLoader.defaults(MasterConfig.SCHEMA).with(MasterConfig.DATA_PATH, data)
                .with(MasterConfig.MATOCS_LISTEN_HOST, HOST).with(MasterConfig.MATOCS_LISTEN_PORT, 0)
                .with(MasterConfig.MATOCL_LISTEN_HOST, HOST).with(MasterConfig.MATOCL_LISTEN_PORT, 0);
    }

    /** Ports free now; the masters must know each other's before any of them binds. */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    /** Where clients reach the masters (all of them: the client finds the leader). */
    List<ServerAddress> clientAddresses() {
        return List.copyOf(clients);
    }

    /** Batches forced and records in them, for the single master; null with HA. */
    long[] commitStats() {
        return single == null ? null : single.metadata().log().commitStats();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable m : running) {
            m.close();
        }
    }
}
