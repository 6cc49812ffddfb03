package org.mfsj.chunkserver;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.ConfigKey;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.config.ConfigSchema;
import org.mfsj.common.types.ServerAddress;

/**
 * Everything a chunkserver is told by {@code mfschunkserver.cfg}, read once at start-up and
 * handed to the components that need it. Each key is declared here, once, with its default.
 *
 * @param dataPath where the server keeps its own state (its id), not its chunks
 * @param masterHost the master's host name or address
 * @param masterPort the master's port for chunkservers
 * @param listenHost address the data port binds to; {@code *} = every address
 * @param listenPort the data port; 0 picks a free one (tests)
 * @param hddConfFile the list of disks ({@code mfshdd.cfg})
 * @param hddTestFreqSeconds seconds between background CRC checks of one chunk; 0 = never
 * @param masterReconnectionDelaySeconds pause between attempts to reach a lost master
 * @param workers threads that do disk I/O
 * @param chunkFsyncDelayMillis how long a written chunk may stay unforced; 0 = forced at session end
 */
public record ChunkserverConfig(Path dataPath, String masterHost, int masterPort, String listenHost, int listenPort,
                                Path hddConfFile, int hddTestFreqSeconds, int masterReconnectionDelaySeconds,
                                int workers, int chunkFsyncDelayMillis) {
    public static final String FILE_NAME = "mfschunkserver.cfg";

    public static final ConfigKey<Path> DATA_PATH = ConfigKey.path("DATA_PATH", Path.of("/var/lib/mfs"),
            "Directory for the chunkserver's own state: the id by which the master recognises it after a\n"
                    + "restart. Chunks live on the disks listed in HDD_CONF_FILENAME.");
    public static final ConfigKey<String> MASTER_HOST = ConfigKey.string("MASTER_HOST", "mfsmaster",
            "Host name or address of the master; with master HA, every master as host:port,host:port (a host\n"
                    + "without a port uses MASTER_PORT). The chunkserver registers with whichever leads.");
    public static final ConfigKey<Integer> MASTER_PORT = ConfigKey.integer("MASTER_PORT", 9420, 1, 65535,
            "Port on which the master listens for chunkservers.");
    public static final ConfigKey<String> CSSERV_LISTEN_HOST = ConfigKey.string("CSSERV_LISTEN_HOST", "*",
            "Address the data port (clients and other chunkservers) binds to; * = all addresses. With *, the\n"
                    + "address announced to the master is the one this server uses to reach the master.");
    public static final ConfigKey<Integer> CSSERV_LISTEN_PORT = ConfigKey.integer("CSSERV_LISTEN_PORT", 9422,
            0, 65535, "Data port for clients and other chunkservers (0 = any free port).");
    public static final ConfigKey<Path> HDD_CONF_FILENAME = ConfigKey.path("HDD_CONF_FILENAME",
            Path.of("/etc/mfs/mfshdd.cfg"), "File listing the disks (directories) that hold chunks, one per line.");
    public static final ConfigKey<Integer> HDD_TEST_FREQ = ConfigKey.integer("HDD_TEST_FREQ", 10, 0, 86_400,
            "Seconds between background CRC checks of one chunk (all chunks in turn); 0 = no checks.");
    public static final ConfigKey<Integer> MASTER_RECONNECTION_DELAY = ConfigKey.integer(
            "MASTER_RECONNECTION_DELAY", 5, 1, 3600, "Seconds between attempts to reach a master that is gone.");
    public static final ConfigKey<Integer> WORKERS = ConfigKey.integer("WORKERS", 8, 1, 1024,
            "Threads doing disk I/O (reads, writes, replication).");
    public static final ConfigKey<Integer> CHUNK_FSYNC_DELAY_MS = ConfigKey.integer("CHUNK_FSYNC_DELAY_MS", 3000,
            0, 600_000, "Milliseconds a chunk may stay in the page cache after a write session ended before it is\n"
                    + "forced to disk (fsync) in the background; a client's fsync forces it at once. 0 = force at\n"
                    + "the end of every write session (slower writes, no window).");

    public static final ConfigSchema SCHEMA = ConfigSchema.of(FILE_NAME, DATA_PATH, MASTER_HOST, MASTER_PORT,
            CSSERV_LISTEN_HOST, CSSERV_LISTEN_PORT, HDD_CONF_FILENAME, HDD_TEST_FREQ, MASTER_RECONNECTION_DELAY,
            WORKERS, CHUNK_FSYNC_DELAY_MS);

    /** As the canonical constructor, with the default CHUNK_FSYNC_DELAY_MS. */
    public ChunkserverConfig(Path dataPath, String masterHost, int masterPort, String listenHost, int listenPort,
                             Path hddConfFile, int hddTestFreqSeconds, int masterReconnectionDelaySeconds,
                             int workers) {
        this(dataPath, masterHost, masterPort, listenHost, listenPort, hddConfFile, hddTestFreqSeconds,
                masterReconnectionDelaySeconds, workers, CHUNK_FSYNC_DELAY_MS.defaultValue());
    }

    public ChunkserverConfig {
        Objects.requireNonNull(dataPath, "dataPath");
        Objects.requireNonNull(masterHost, "masterHost");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(hddConfFile, "hddConfFile");
    }

    /** Reads {@code file}; a missing file gives every default. */
    public static ChunkserverConfig load(Path file) throws ConfigException {
        return from(ConfigLoader.load(file, SCHEMA));
    }

    public static ChunkserverConfig defaults() {
        return from(ConfigLoader.defaults(SCHEMA));
    }

    public static ChunkserverConfig from(Config c) {
        return new ChunkserverConfig(c.get(DATA_PATH), c.get(MASTER_HOST), c.get(MASTER_PORT),
                c.get(CSSERV_LISTEN_HOST), c.get(CSSERV_LISTEN_PORT), c.get(HDD_CONF_FILENAME), c.get(HDD_TEST_FREQ),
                c.get(MASTER_RECONNECTION_DELAY), c.get(WORKERS), c.get(CHUNK_FSYNC_DELAY_MS));
    }

    /** The first master of {@link #masterAddresses()}. */
    public ServerAddress masterAddress() {
        return masterAddresses().get(0);
    }

    /** Every master MASTER_HOST names, in order; a host without a port uses MASTER_PORT. */
    public List<ServerAddress> masterAddresses() {
        try {
            return ServerAddress.parseList(masterHost, masterPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MASTER_HOST: " + e.getMessage(), e);
        }
    }

    /** Whether the data port listens on every address (then the master is told the link's own). */
    public boolean listensEverywhere() {
        return listenHost.isEmpty() || listenHost.equals("*");
    }
}
