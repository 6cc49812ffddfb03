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
import org.mfsj.master.ha.HaStats;

/** Masters in the benchmark's JVM on loopback: their counters can be read directly. */
final class InJvmMasters implements BenchMasters {
    private static final String HOST = "127.0.0.1";

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ReplicatedMasterServer> replicated = new ArrayList<>();
    private final List<ServerAddress> clients = new ArrayList<>();
    private MasterServer single;

    private InJvmMasters() {
    }

    static InJvmMasters start(Path data, int masters) throws Exception {
        InJvmMasters m = new InJvmMasters();
        try {
            m.open(data, masters);
        } catch (Exception e) {
            m.close();
            throw e;
        }
        return m;
    }

    private void open(Path data, int masters) throws Exception {
        if (masters == 1) {
            single = MasterServer.start(MasterConfig.from(base(data)), Clock.systemUTC());
            running.add(single);
            clients.add(new ServerAddress(HOST, single.clientPort()));
            return;
        }
        int[] sync = freePorts(masters);
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
            replicated.add(m);
            clients.add(new ServerAddress(HOST, m.clientPort()));
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

    @Override
    public List<ServerAddress> clientAddresses() {
        return List.copyOf(clients);
    }

    @Override
    public List<HaStats> stats() throws InterruptedException {
        if (single != null) {
            long[] c = single.metadata().log().commitStats();
            return List.of(new HaStats("single", c[0], c[1], 0, 0));
        }
        List<HaStats> out = new ArrayList<>();
        for (ReplicatedMasterServer m : replicated) {
            m.stats().ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable m : running) {
            m.close();
        }
    }
}
