package org.mfsj.master.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigKey;
import org.mfsj.common.types.ServerAddress;

/**
 * The seed's HA keys of {@code mfsmaster.cfg}, read as written, and what they mean here. Every
 * master names the other voting masters by their sync address (host and SYNC_THREAD_LISTEN_PORT):
 * the active master (MASTER_HOST, on a slave or shadow), the slave (SLA_SYNC_WORKER_HOST_1) and
 * the shadows (SYNC_WORKER_HOST_N). No peer named: a single master, exactly as without HA.
 *
 * @param preferred     MASTER_STATE = 1: this master stands first for election at start-up
 * @param peers         the other voting masters' sync addresses
 * @param syncPort      port this master listens on for the other masters (0 = any free one)
 * @param virtualIp     the address keepalived moves to the leader (read by the scripts only)
 * @param logPath       the seed's log file setting (accepted; logs go to standard output here)
 * @param chunkHashSize the seed's chunk hash size (accepted; Java tables size themselves)
 * @param imageRate     bytes per second at most when the image goes to a follower (0 = no limit)
 * @param copiesPending how long after a master starts to lead a chunk with no known copy is
 *                      COPIES_PENDING (asked again) rather than EIO
 * @param opensReport   how long after a master starts to lead clients have to report their opens
 *                      before a nameless file no session reported goes
 */
public record HaConfig(boolean preferred, List<ServerAddress> peers, int syncPort, String virtualIp, String logPath,
        int chunkHashSize, long imageRate, Duration copiesPending, Duration opensReport) {
    private static final int SHADOWS = 4;
    private static final int DEFAULT_SYNC_PORT = 9423;

    public static final ConfigKey<Integer> MASTER_STATE = ConfigKey.integer("MASTER_STATE", 1, 0, 1,
            "1: the active master (stands first for election); 0: a slave or shadow (follows, may take over).");
    public static final ConfigKey<String> MASTER_HOST = ConfigKey.string("MASTER_HOST", "",
            "On a slave or shadow: the active master's sync address, host or host:port (port defaults to\n"
                    + "SYNC_THREAD_LISTEN_PORT). Empty on the active master.");
    public static final ConfigKey<String> SLA_SYNC_WORKER_HOST_1 = ConfigKey.string("SLA_SYNC_WORKER_HOST_1", "",
            "The slave master's host (it votes and takes over). Empty: no slave.");
    public static final ConfigKey<Integer> SLA_SYNC_WORKER_PORT_1 = ConfigKey.integer("SLA_SYNC_WORKER_PORT_1",
            DEFAULT_SYNC_PORT, 1, 65535, "The slave master's SYNC_THREAD_LISTEN_PORT.");
    public static final ConfigKey<Integer> SYNC_THREAD_LISTEN_PORT = ConfigKey.integer("SYNC_THREAD_LISTEN_PORT",
            DEFAULT_SYNC_PORT, 0, 65535, "Port this master listens on for the other masters (0 = any free port).");
    public static final ConfigKey<String> VIRTUAL_IP = ConfigKey.string("VIRTUAL_IP", "",
            "Address keepalived moves to the leading master; the master itself only reports it.");
    public static final ConfigKey<String> LOG_PATH = ConfigKey.string("LOG_PATH", "",
            "The seed's log file; accepted for compatibility (this master logs to standard output).");
    public static final ConfigKey<Integer> CHUNK_HLIST_SIZE = ConfigKey.integer("CHUNK_HLIST_SIZE", 65536, 1,
            1 << 24, "The seed's chunk hash size; accepted for compatibility (tables here grow by themselves).");
    /** Not a seed key: the seed had no way to bring a follower up from an image. */
    public static final ConfigKey<Integer> HA_IMAGE_RATE_KB = ConfigKey.integer("HA_IMAGE_RATE_KB", 0, 0,
            16 << 20, "KiB per second at most when the leader sends its image to a follower too far behind for the\n"
                    + "changelog it keeps (0 = as fast as the network goes).");
    /**
     * Not a seed key. Long enough for chunkservers to notice the old leader's end and go round the
     * list of masters at their default reconnection delay (5 s) while the election ends.
     */
    public static final ConfigKey<Integer> HA_COPIES_PENDING_TIME = ConfigKey.integer("HA_COPIES_PENDING_TIME", 15,
            0, 3600, "Seconds after a master starts to lead (a failover or a start) during which a chunk with no\n"
                    + "known copy is answered COPIES_PENDING (clients ask again) rather than EIO: the chunkservers\n"
                    + "are still registering.");
    /** Not a seed key. Clients look for the new leader every 400 ms at most and report as they resume. */
    public static final ConfigKey<Integer> HA_OPENS_REPORT_TIME = ConfigKey.integer("HA_OPENS_REPORT_TIME", 15,
            0, 3600, "Seconds after a master starts to lead during which a file losing its last name is kept for\n"
                    + "clients of the earlier leader not back yet to report their open files.");
    static final List<ConfigKey<String>> SHADOW_HOSTS = new ArrayList<>();
    static final List<ConfigKey<Integer>> SHADOW_PORTS = new ArrayList<>();

    static {
        for (int i = 1; i <= SHADOWS; i++) {
            SHADOW_HOSTS.add(ConfigKey.string("SYNC_WORKER_HOST_" + i, "",
                    "Shadow master " + i + "'s host (it votes). Empty: none."));
            SHADOW_PORTS.add(ConfigKey.integer("SYNC_WORKER_PORT_" + i, DEFAULT_SYNC_PORT, 1, 65535,
                    "Shadow master " + i + "'s SYNC_THREAD_LISTEN_PORT."));
        }
    }

    public HaConfig {
        peers = List.copyOf(peers);
    }

    /** SYNC_WORKER_HOST_{@code n}, n = 1..4. */
    public static ConfigKey<String> shadowHost(int n) {
        return SHADOW_HOSTS.get(n - 1);
    }

    /** SYNC_WORKER_PORT_{@code n}, n = 1..4. */
    public static ConfigKey<Integer> shadowPort(int n) {
        return SHADOW_PORTS.get(n - 1);
    }

    /** Every key above, for the config schema. */
    public static List<ConfigKey<?>> keys() {
        List<ConfigKey<?>> keys = new ArrayList<>(List.of(MASTER_STATE, MASTER_HOST, SLA_SYNC_WORKER_HOST_1,
                SLA_SYNC_WORKER_PORT_1, SYNC_THREAD_LISTEN_PORT, VIRTUAL_IP, LOG_PATH, CHUNK_HLIST_SIZE,
                HA_IMAGE_RATE_KB, HA_COPIES_PENDING_TIME, HA_OPENS_REPORT_TIME));
        for (int i = 0; i < SHADOWS; i++) {
            keys.add(SHADOW_HOSTS.get(i));
            keys.add(SHADOW_PORTS.get(i));
        }
        return keys;
    }

    /** The HA settings in {@code c}; IllegalArgumentException names the key when two name one master. */
    public static HaConfig from(Config c) {
        int syncPort = c.get(SYNC_THREAD_LISTEN_PORT);
        List<ServerAddress> peers = new ArrayList<>();
        String master = c.get(MASTER_HOST).trim();
        if (!master.isEmpty()) {
            peers.add(parse(master, syncPort == 0 ? DEFAULT_SYNC_PORT : syncPort, MASTER_HOST.name()));
        }
        add(peers, c.get(SLA_SYNC_WORKER_HOST_1), c.get(SLA_SYNC_WORKER_PORT_1));
        for (int i = 0; i < SHADOWS; i++) {
            add(peers, c.get(SHADOW_HOSTS.get(i)), c.get(SHADOW_PORTS.get(i)));
        }
        if (peers.stream().distinct().count() != peers.size()) {
            throw new IllegalArgumentException(MASTER_HOST.name() + ", SLA_SYNC_WORKER_HOST_1 and SYNC_WORKER_HOST_N name"
                    + " one master twice (" + peers + "): list each other master once");
        }
        return new HaConfig(c.get(MASTER_STATE) == 1, peers, syncPort, c.get(VIRTUAL_IP), c.get(LOG_PATH),
                c.get(CHUNK_HLIST_SIZE), (long) c.get(HA_IMAGE_RATE_KB) << 10,
                Duration.ofSeconds(c.get(HA_COPIES_PENDING_TIME)), Duration.ofSeconds(c.get(HA_OPENS_REPORT_TIME)));
    }

    private static void add(List<ServerAddress> peers, String host, int port) {
        if (!host.isBlank()) {
            peers.add(new ServerAddress(host.trim(), port));
        }
    }

    private static ServerAddress parse(String hostPort, int defaultPort, String key) {
        List<ServerAddress> one = ServerAddress.parseList(hostPort, defaultPort);
        if (one.size() != 1) {
            throw new IllegalArgumentException(key + " = " + hostPort + ": name one master (host or host:port)");
        }
        return one.get(0);
    }

    /** True when other masters are named: the changelog is replicated and leadership elected. */
    public boolean replicated() {
        return !peers.isEmpty();
    }
}
