package org.mfsj.tools.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Writes the configuration files of a local cluster once, on its first start, and remembers its
 * ports so that later starts (after a kill, after a reboot) reuse them.
 */
final class ClusterConfigWriter {
    static final int MASTER_CS_PORT = 9420;
    static final int MASTER_CLIENT_PORT = 9421;
    static final int FIRST_CS_DATA_PORT = 9422;

    private final ClusterLayout layout;
    private final int chunkservers;
    private final boolean standardPorts;
    private final int masters;

    ClusterConfigWriter(ClusterLayout layout, int chunkservers, boolean standardPorts) {
        this(layout, chunkservers, standardPorts, 1);
    }

    /** {@code masters} above 1: that many voting masters (master HA), on free ports. */
    ClusterConfigWriter(ClusterLayout layout, int chunkservers, boolean standardPorts, int masters) {
        this.layout = layout;
        this.chunkservers = chunkservers;
        this.standardPorts = standardPorts;
        this.masters = masters;
    }

    /** The cluster's ports, picking (and keeping) any that a door needs and the file lacks. */
    Properties ensure(List<Door> doors) throws IOException {
        Path portsFile = layout.config("cluster.ports");
        Properties p = Files.isRegularFile(portsFile) ? load(portsFile) : writeCore(portsFile);
        Ports ports = new Ports();
        for (Object taken : p.values()) {
            ports.reserve(Integer.parseInt(taken.toString()));
        }
        boolean added = false;
        for (Door door : doors) {
            for (String key : door.portKeys()) {
                if (p.getProperty(key) == null) {
                    p.setProperty(key, String.valueOf(ports.pick(0)));
                    added = true;
                }
            }
        }
        if (added) {
            store(p, portsFile);
        }
        return p;
    }

    private int standard(int port) {
        return standardPorts ? port : 0;
    }

    private static Properties load(Path portsFile) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(portsFile)) {
            p.load(in);
        }
        return p;
    }

    private static void store(Properties p, Path portsFile) throws IOException {
        try (var out = Files.newBufferedWriter(portsFile)) {
            p.store(out, "ports of this local cluster");
        }
    }

    private Properties writeCore(Path portsFile) throws IOException {
        Files.createDirectories(layout.etc());
        Ports ports = new Ports();
        Properties p = new Properties();
        p.setProperty("master.cs", String.valueOf(ports.pick(standard(MASTER_CS_PORT))));
        p.setProperty("master.client", String.valueOf(ports.pick(standard(MASTER_CLIENT_PORT))));
        if (masters > 1) {
            // the first master keeps the standard ports; the others and every sync port are free ones
            p.setProperty("master1.cs", p.getProperty("master.cs"));
            p.setProperty("master1.client", p.getProperty("master.client"));
            for (int i = 1; i <= masters; i++) {
                for (String port : i == 1 ? List.of("sync") : List.of("cs", "client", "sync")) {
                    p.setProperty("master" + i + "." + port, String.valueOf(ports.pick(0)));
                }
            }
        }
        for (int i = 1; i <= chunkservers; i++) {
            int port = ports.pick(standard(FIRST_CS_DATA_PORT + 10 * (i - 1)));
            p.setProperty("chunkserver" + i + ".data", String.valueOf(port));
        }
        if (masters > 1) {
            for (int i = 1; i <= masters; i++) {
                new HaMasterConfig(layout, masters).write(i, p);
            }
        } else {
            writeMaster(p);
        }
        writeExports();
        for (int i = 1; i <= chunkservers; i++) {
            writeChunkserver(i, p);
        }
        store(p, portsFile);
        return p;
    }

    private void writeMaster(Properties p) throws IOException {
        Path data = layout.data("master");
        Files.createDirectories(data);
        String cfg = """
                # master of a local cluster, written by 'mfs up'
                DATA_PATH = %s
                MATOCS_LISTEN_HOST = 127.0.0.1
                MATOCS_LISTEN_PORT = %s
                MATOCL_LISTEN_HOST = 127.0.0.1
                MATOCL_LISTEN_PORT = %s
                # a local cluster heals at once instead of waiting for a server to come back
                REPLICATIONS_DELAY_INIT = 5
                REPLICATIONS_DELAY_DISCONNECT = 5
                EXPORTS_FILENAME = %s
                """.formatted(data, p.getProperty("master.cs"), p.getProperty("master.client"),
                layout.config("mfsexports.cfg"));
        Files.writeString(layout.config("mfsmaster.cfg"), cfg);
    }

    private void writeExports() throws IOException {
        Files.writeString(layout.config("mfsexports.cfg"), """
                # Who may mount what: ADDRESS DIRECTORY [OPTIONS], the first line that fits decides.
                # ADDRESS: *, A.B.C.D, A.B.C.D/BITS, A.B.C.D/NETMASK, A.B.C.D-E.F.G.H
                # OPTIONS: ro, rw, alldirs, maproot=USER[:GROUP], mapall=USER[:GROUP], password=PASS,
                #          md5pass=HEX, mingoal=N, maxgoal=N, mintrashtime=T, maxtrashtime=T
                # Read when the master starts.
                *  /  rw,alldirs
                """);
    }

    private void writeChunkserver(int i, Properties p) throws IOException {
        String name = "chunkserver" + i;
        Path data = layout.data(name);
        Path disk = data.resolve("hdd1");
        Files.createDirectories(disk);
        Path hdd = layout.config(name + "-mfshdd.cfg");
        Files.writeString(hdd, "# disks of " + name + ", one path per line\n" + disk + "\n");
        String cfg = """
                # %s of a local cluster, written by 'mfs up'
                DATA_PATH = %s
                MASTER_HOST = %s
                MASTER_PORT = %s
                # the master may still be starting when we do: retry soon
                MASTER_RECONNECTION_DELAY = 1
                CSSERV_LISTEN_HOST = 127.0.0.1
                CSSERV_LISTEN_PORT = %s
                HDD_CONF_FILENAME = %s
                """.formatted(name, data, HaMasterConfig.list(p, masters, "cs"), p.getProperty("master.cs"),
                p.getProperty(name + ".data"), hdd);
        Files.writeString(layout.config(name + ".cfg"), cfg);
    }
}
