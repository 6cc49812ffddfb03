package org.mfsj.master;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.ConfigKey;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.config.ConfigSchema;
import org.mfsj.master.ha.HaConfig;

/**
 * The master's settings, typed, built once from {@code mfsmaster.cfg} at start-up and passed
 * to whatever needs them (STYLE rule 9). Every key has a default, so no file is needed at all.
 *
 * @param dataPath                 where the image and the changelog live
 * @param chunkserverHost          address chunkservers connect to; "*" = every interface
 * @param chunkserverPort          0 picks a free port (tests)
 * @param clientHost               address clients connect to; "*" = every interface
 * @param clientPort               0 picks a free port (tests)
 * @param defaultGoal              copies wanted for files under the root unless set otherwise
 * @param replicationsDelayInit    no chunk jobs this long after start, while servers register
 * @param replicationsDelayDisconnect no replication this long after a server left
 * @param chunksLoopTime           period of the replication and deletion loop
 * @param writeReplicationLimit    replications one server may receive at once
 * @param readReplicationLimit     replications one server may serve as source at once
 * @param sessionSustainTime       how long an unused client session is kept
 * @param sessionLocksTimeout      how long a disconnected session keeps its file locks
 * @param exportsFile              mfsexports.cfg, or empty for "every client may mount everything"
 * @param metadataSaveFreq         how often a new image is written in the background
 * @param backLogs                 changelog segments kept at least, even once an image holds them
 * @param changelogSegmentBytes    size at which the changelog moves on to a new segment file
 * @param defaultTrashTime         seconds deleted files stay in trash, given to the root of a new file system
 * @param ha                       master HA: the other voting masters and the seed's HA keys
 */
public record MasterConfig(
        Path dataPath,
        String chunkserverHost,
        int chunkserverPort,
        String clientHost,
        int clientPort,
        int defaultGoal,
        Duration replicationsDelayInit,
        Duration replicationsDelayDisconnect,
        Duration chunksLoopTime,
        int writeReplicationLimit,
        int readReplicationLimit,
        Duration sessionSustainTime,
        Duration sessionLocksTimeout,
        String exportsFile,
        Duration metadataSaveFreq,
        int backLogs,
        long changelogSegmentBytes,
        int defaultTrashTime,
        HaConfig ha) {

    private static final int DAY = 86_400;

    public static final ConfigKey<Path> DATA_PATH = ConfigKey.path("DATA_PATH", Path.of("/var/lib/mfs"),
            "Directory for the master's metadata files.");
    public static final ConfigKey<String> MATOCS_LISTEN_HOST = ConfigKey.string("MATOCS_LISTEN_HOST", "*",
            "Address to listen on for chunkservers; * means every interface.");
    public static final ConfigKey<Integer> MATOCS_LISTEN_PORT = ConfigKey.integer("MATOCS_LISTEN_PORT", 9420,
            0, 65535, "Port to listen on for chunkservers (0 = any free port).");
    public static final ConfigKey<String> MATOCL_LISTEN_HOST = ConfigKey.string("MATOCL_LISTEN_HOST", "*",
            "Address to listen on for clients; * means every interface.");
    public static final ConfigKey<Integer> MATOCL_LISTEN_PORT = ConfigKey.integer("MATOCL_LISTEN_PORT", 9421,
            0, 65535, "Port to listen on for clients (0 = any free port).");
    public static final ConfigKey<Integer> DEFAULT_GOAL = ConfigKey.integer("DEFAULT_GOAL", 2, 1, 9,
            "Number of copies of each chunk for files whose goal was never set.");
    public static final ConfigKey<Integer> REPLICATIONS_DELAY_INIT = ConfigKey.integer("REPLICATIONS_DELAY_INIT",
            60, 0, DAY, "Seconds after start before chunks are replicated or deleted (servers are still registering).");
    public static final ConfigKey<Integer> REPLICATIONS_DELAY_DISCONNECT = ConfigKey.integer(
            "REPLICATIONS_DELAY_DISCONNECT", 60, 0, DAY,
            "Seconds after a chunkserver disconnects before its chunks are replicated elsewhere.");
    public static final ConfigKey<Integer> CHUNKS_LOOP_TIME = ConfigKey.integer("CHUNKS_LOOP_TIME", 1000,
            10, 600_000, "Milliseconds between passes of the chunk replication and deletion loop.");
    public static final ConfigKey<Integer> CHUNKS_WRITE_REP_LIMIT = ConfigKey.integer("CHUNKS_WRITE_REP_LIMIT", 2,
            1, 1000, "Replications a chunkserver may receive at the same time.");
    public static final ConfigKey<Integer> CHUNKS_READ_REP_LIMIT = ConfigKey.integer("CHUNKS_READ_REP_LIMIT", 2,
            1, 1000, "Replications a chunkserver may be the source of at the same time.");
    public static final ConfigKey<Integer> SESSION_SUSTAIN_TIME = ConfigKey.integer("SESSION_SUSTAIN_TIME", DAY,
            1, 30 * DAY, "Seconds a disconnected client session is kept for the client to resume it.");
    public static final ConfigKey<Integer> SESSION_LOCKS_TIMEOUT = ConfigKey.integer("SESSION_LOCKS_TIMEOUT", 60,
            1, DAY, "Seconds a disconnected client keeps its file locks: after that others may take them.");

    public static final ConfigKey<String> EXPORTS_FILENAME = ConfigKey.string("EXPORTS_FILENAME", "",
            "mfsexports.cfg: which clients may mount which directories, and how. Empty: every client may mount"
                    + " everything read-write.");

    public static final ConfigKey<Integer> METADATA_SAVE_FREQ = ConfigKey.integer("METADATA_SAVE_FREQ", 3600,
            1, 7 * DAY, "Seconds between background saves of the metadata image (metadata.mfs).");
    public static final ConfigKey<Integer> BACK_LOGS = ConfigKey.integer("BACK_LOGS", 50, 1, 10_000,
            "Changelog files kept at least, even when an image already holds their changes.");
    public static final ConfigKey<Integer> CHANGELOG_SEGMENT_MB = ConfigKey.integer("CHANGELOG_SEGMENT_MB", 64,
            1, 65_536, "Size in MiB at which the changelog moves on to a new changelog.N.mfs file.");

    public static final ConfigKey<Integer> DEFAULT_TRASHTIME = ConfigKey.integer("DEFAULT_TRASHTIME", DAY, 0,
            Integer.MAX_VALUE, "Seconds a deleted file stays in trash, set on the root when a new file system is"
                    + " made (0 = no trash); change it later with mfs settrashtime.");

    public static final ConfigSchema SCHEMA = ConfigSchema.of("mfsmaster.cfg", keys());

    private static ConfigKey<?>[] keys() {
        List<ConfigKey<?>> keys = new ArrayList<>(List.of(DATA_PATH,
                MATOCS_LISTEN_HOST, MATOCS_LISTEN_PORT, MATOCL_LISTEN_HOST, MATOCL_LISTEN_PORT, DEFAULT_GOAL,
                REPLICATIONS_DELAY_INIT, REPLICATIONS_DELAY_DISCONNECT, CHUNKS_LOOP_TIME,
                CHUNKS_WRITE_REP_LIMIT, CHUNKS_READ_REP_LIMIT, SESSION_SUSTAIN_TIME, SESSION_LOCKS_TIMEOUT,
                EXPORTS_FILENAME, METADATA_SAVE_FREQ, BACK_LOGS,
                CHANGELOG_SEGMENT_MB, DEFAULT_TRASHTIME));
        keys.addAll(HaConfig.keys());
        return keys.toArray(new ConfigKey<?>[0]);
    }

    /** Reads {@code file}; a missing file gives every default. */
    public static MasterConfig load(Path file) throws ConfigException {
        try {
            return from(ConfigLoader.load(file, SCHEMA));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.toString(), 0, null, e.getMessage());
        }
    }

    public static MasterConfig defaults() {
        return from(ConfigLoader.defaults(SCHEMA));
    }

    public static MasterConfig from(Config c) {
        return new MasterConfig(
                c.get(DATA_PATH),
                c.get(MATOCS_LISTEN_HOST),
                c.get(MATOCS_LISTEN_PORT),
                c.get(MATOCL_LISTEN_HOST),
                c.get(MATOCL_LISTEN_PORT),
                c.get(DEFAULT_GOAL),
                Duration.ofSeconds(c.get(REPLICATIONS_DELAY_INIT)),
                Duration.ofSeconds(c.get(REPLICATIONS_DELAY_DISCONNECT)),
                Duration.ofMillis(c.get(CHUNKS_LOOP_TIME)),
                c.get(CHUNKS_WRITE_REP_LIMIT),
                c.get(CHUNKS_READ_REP_LIMIT),
                Duration.ofSeconds(c.get(SESSION_SUSTAIN_TIME)),
                Duration.ofSeconds(c.get(SESSION_LOCKS_TIMEOUT)),
                c.get(EXPORTS_FILENAME),
                Duration.ofSeconds(c.get(METADATA_SAVE_FREQ)),
                c.get(BACK_LOGS),
                (long) c.get(CHANGELOG_SEGMENT_MB) << 20,
                c.get(DEFAULT_TRASHTIME),
                HaConfig.from(c));
    }
}
