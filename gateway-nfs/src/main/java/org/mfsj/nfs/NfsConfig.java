package org.mfsj.nfs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.ConfigKey;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.config.ConfigSchema;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.exports.ExportTable;

/**
 * The gateway's settings from {@code mfsnfs.cfg}, built once at start-up (STYLE rule 9).
 *
 * @param nfsPort      NFS (v3 and v4) over TCP; 0 picks a free port
 * @param mountPort    MOUNT v3 over TCP and, with {@code mountUdp}, UDP; 0 picks a free port
 * @param fsid         names this cluster in file handles and attributes; the same on every gateway
 *                     instance of one cluster, so handles survive restarts and fail-over
 * @param openFileIdle how long an unused open file stays open (and its writes buffered)
 * @param masterPassword the password of the master's export this gateway's session opens, or null
 */
public record NfsConfig(ServerAddress master, String listenHost, int nfsPort, int mountPort, boolean mountUdp,
                        boolean rpcbind, long fsid, List<Export> exports, int workerThreads,
                        Duration openFileIdle, Duration leaseTime, Duration graceTime, String idDomain,
                        Duration attrCache, String masterPassword) {
    public static final ConfigKey<String> MASTER_HOST = ConfigKey.string("MASTER_HOST", "127.0.0.1",
            "Address of the master; with master HA, every master as host:port,host:port.");
    public static final ConfigKey<Integer> MASTER_PORT = ConfigKey.integer("MASTER_PORT", 9421, 1, 65535,
            "Client port of the master.");
    public static final ConfigKey<String> MASTER_PASSWORD = ConfigKey.string("MASTER_PASSWORD", "",
            "Password of the master's export this gateway opens (password= in mfsexports.cfg); empty = none."
                    + " It is answered to the master's challenge, never sent.");
    public static final ConfigKey<String> LISTEN_HOST = ConfigKey.string("NFS_LISTEN_HOST", "*",
            "Address to listen on for NFS and MOUNT; * means every interface.");
    public static final ConfigKey<Integer> NFS_PORT = ConfigKey.integer("NFS_LISTEN_PORT", 2049, 0, 65535,
            "TCP port for NFS (v3 and v4); 0 = any free port.");
    public static final ConfigKey<Integer> MOUNT_PORT = ConfigKey.integer("MOUNT_LISTEN_PORT", 20048, 0, 65535,
            "Port for the MOUNT v3 protocol (NFSv3 clients); 0 = any free port.");
    public static final ConfigKey<Boolean> MOUNT_UDP = ConfigKey.bool("MOUNT_UDP", true,
            "Also serve MOUNT over UDP on the same port number.");
    public static final ConfigKey<Boolean> RPCBIND = ConfigKey.bool("RPCBIND_REGISTER", true,
            "Register NFS and MOUNT with the local rpcbind/portmap when one answers (clients then need no ports).");
    public static final ConfigKey<Long> FSID = ConfigKey.longValue("NFS_FSID", 0x6d66736aL, 1, Long.MAX_VALUE,
            "File system id in handles and attributes; keep it equal on all gateways of one cluster.");
    public static final ConfigKey<Integer> WORKERS = ConfigKey.integer("NFS_WORKER_THREADS", 16, 1, 1024,
            "Threads serving requests (each blocks on the cluster while it works).");
    public static final ConfigKey<Integer> OPEN_IDLE = ConfigKey.integer("OPEN_FILE_IDLE_SECONDS", 10, 1, 3600,
            "Seconds an unused file stays open with its writes buffered before it is flushed and closed.");
    public static final ConfigKey<Integer> LEASE = ConfigKey.integer("NFS4_LEASE_SECONDS", 90, 5, 3600,
            "NFSv4 lease: how long a client's state lives without a renewal.");
    public static final ConfigKey<Integer> GRACE = ConfigKey.integer("NFS4_GRACE_SECONDS", 90, 0, 3600,
            "NFSv4 grace period after start: clients reclaim their opens and locks, new ones wait.");
    public static final ConfigKey<String> ID_DOMAIN = ConfigKey.string("NFS4_ID_DOMAIN", "localdomain",
            "Domain of NFSv4 owner names (uid@domain); numeric names are accepted as well.");
    public static final ConfigKey<Integer> ATTR_CACHE = ConfigKey.integer("NFS_ATTR_CACHE_MS", 1000, 0, 60000,
            "Milliseconds the gateway answers from attributes it saw (its own changes update them at once;"
                    + " another door's show after this long, as with the FUSE mount's attribute cache); 0 = ask"
                    + " the master on every call.");
    static final int MAX_EXPORTS = 16;
    public static final List<ConfigKey<String>> EXPORT_KEYS = exportKeys();
    public static final ConfigSchema SCHEMA = schema();

    public static NfsConfig load(Path file) throws ConfigException {
        return from(ConfigLoader.load(file, SCHEMA));
    }

    public static NfsConfig from(Config c) throws ConfigException {
        List<Export> exports = new ArrayList<>();
        String file = c.source().map(Path::toString).orElse(SCHEMA.fileName());
        for (ConfigKey<String> k : EXPORT_KEYS) {
            String text = c.get(k);
            if (text.isBlank()) {
                continue;
            }
            try {
                exports.add(Export.parse(text));
            } catch (IllegalArgumentException e) {
                // parsed here rather than by the key so that the message says what is wrong
                throw new ConfigException(file, 0, k.name(), "bad value for " + k.name() + ": '" + text + "' ("
                        + e.getMessage() + ")");
            }
        }
        if (exports.isEmpty()) {
            throw new ConfigException(file, 0, "EXPORT_1", "no EXPORT_n line: nothing to serve");
        }
        try {
            new ExportTable(exports);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, 0, "EXPORT_1", e.getMessage());
        }
        return new NfsConfig(new ServerAddress(c.get(MASTER_HOST), c.get(MASTER_PORT)), c.get(LISTEN_HOST),
                c.get(NFS_PORT), c.get(MOUNT_PORT), c.get(MOUNT_UDP), c.get(RPCBIND), c.get(FSID), exports,
                c.get(WORKERS), Duration.ofSeconds(c.get(OPEN_IDLE)), Duration.ofSeconds(c.get(LEASE)),
                Duration.ofSeconds(c.get(GRACE)), c.get(ID_DOMAIN), Duration.ofMillis(c.get(ATTR_CACHE)),
                c.get(MASTER_PASSWORD).isEmpty() ? null : c.get(MASTER_PASSWORD));
    }

    private static List<ConfigKey<String>> exportKeys() {
        List<ConfigKey<String>> keys = new ArrayList<>();
        for (int i = 1; i <= MAX_EXPORTS; i++) {
            String def = i == 1 ? "/ 127.0.0.1 rw,root_squash,insecure" : "";
            keys.add(ConfigKey.string("EXPORT_" + i, def,
                    "Export: PATH CLIENTS [OPTIONS]. CLIENTS: comma-separated *, address or address/prefix."
                            + " OPTIONS: ro|rw, root_squash|no_root_squash|all_squash, secure|insecure"
                            + " (insecure = accept source ports above 1023), anonuid=N, anongid=N."
                            + " Defaults: ro,root_squash,secure. Empty = unused."));
        }
        return List.copyOf(keys);
    }

    private static ConfigSchema schema() {
        List<ConfigKey<?>> keys = new ArrayList<>(List.of(MASTER_HOST, MASTER_PORT, MASTER_PASSWORD, LISTEN_HOST, NFS_PORT,
                MOUNT_PORT, MOUNT_UDP, RPCBIND, FSID, WORKERS, OPEN_IDLE, LEASE, GRACE, ID_DOMAIN,
                ATTR_CACHE));
        keys.addAll(EXPORT_KEYS);
        return ConfigSchema.of("mfsnfs.cfg", keys.toArray(new ConfigKey<?>[0]));
    }
}
