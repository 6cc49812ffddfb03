package org.mfsj.fuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.ClientConfig;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.fuse.lowlevel.FuseSession;

/**
 * Everything one mount is told: where the masters are, what to mount, how long to trust caches, and
 * the FUSE options handed on to libfuse. {@link #parse} reads mfsmount's {@code -o} keys; options
 * it does not know go to libfuse, which refuses what it does not know either.
 *
 * @param masters    every master to try, in order (master HA); the client follows the one that leads
 * @param standardOptions whether to add mfsmount's standard option default_permissions (off with
 *                   mfsnostdmountoptions): the kernel then checks permissions on what it has cached,
 *                   search rights on every directory of a path included, which it otherwise skips
 * @param fuseOptions options for libfuse as given (ro, allow_other, ...), without the ones we always add
 * @param readFromFollowers {@code mfsreadfollower}: lookups, attributes, listings, symlinks and
 *                   xattrs are read from a follower master (master HA); the mount still sees its own
 *                   changes at once, other clients' after the follower applied them
 */
public record MountOptions(List<ServerAddress> masters, String subdir, String password, CacheSettings cache,
                           Duration masterGoneTimeout, long writeCacheBytes, long readAheadBytes, boolean readOnly,
                           boolean standardOptions, List<String> fuseOptions, boolean readFromFollowers) {
    private static final long MIB = 1 << 20;

    public MountOptions {
        fuseOptions = List.copyOf(fuseOptions);
        masters = List.copyOf(masters);
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("no master address: give mfsmaster=HOST or -H HOST");
        }
        for (ServerAddress m : masters) {
            if (m.port() < 1 || m.port() > 65535) {
                throw new IllegalArgumentException("master port " + m.port() + " of " + m.host() + " is not in"
                        + " 1..65535");
            }
        }
        if (!subdir.startsWith("/")) {
            throw new IllegalArgumentException("subfolder '" + subdir + "' must be an absolute path");
        }
    }

    /** As {@link #parse(String, Integer, String, List, List)} with one fallback master. */
    public static MountOptions parse(String host, Integer port, String subdir, List<String> options,
            ServerAddress fallback) {
        return parse(host, port, subdir, options, List.of(fallback));
    }

    /**
     * {@code host}, {@code port} and {@code subdir} are the -H/-P/-S values (null when not given)
     * and win over the same keys in {@code options}, the comma-separated -o lists in order (a later
     * key wins). A host may name several masters, {@code host:port} each, separated by ';' (the
     * only separator that fits inside an -o list) or, in -H, by ','; a master without a port gets
     * {@code port}. {@code fallback} are the masters when neither names one.
     */
    public static MountOptions parse(String host, Integer port, String subdir, List<String> options,
            List<ServerAddress> fallback) {
        Builder b = new Builder();
        for (String list : options) {
            for (String opt : list.split(",")) {
                if (!opt.isBlank()) {
                    b.apply(opt.strip());
                }
            }
        }
        if (host != null) {
            b.host = host;
        }
        if (port != null) {
            b.port = port;
        }
        if (subdir != null) {
            b.subdir = subdir;
        }
        return b.build(fallback);
    }

    /** The first master: the one tried first. */
    public ServerAddress master() {
        return masters.get(0);
    }

    /** The client settings this mount asks for. */
    public ClientConfig clientConfig(ClientConfig base) {
        return base.withSubdir(subdir).withMasterGoneTimeout(masterGoneTimeout).withWriteBufferBytes(writeCacheBytes)
                .withReadAheadMaxBytes(readAheadBytes).withReadFromFollowers(readFromFollowers).withPassword(password);
    }

    /**
     * The -o list for libfuse's mount and low-level session: ours first (1 MiB writes and reads where
     * the kernel takes them, see {@link FuseSession},
     * the name in /proc/mounts), then the caller's. Cache timeouts go with each answer instead.
     */
    public String libfuseOptions() {
        List<String> o = new ArrayList<>();
        o.add("big_writes");
        o.add("max_write=" + FuseSession.LARGEST_REQUEST);
        o.add("max_read=" + FuseSession.LARGEST_REQUEST);
        // ';' between masters: a ',' would end the option
        o.add("fsname=mfsj:" + String.join(";", masters.stream().map(ServerAddress::toString).toList()) + subdir);
        o.add("subtype=mfsj");
        if (standardOptions && !fuseOptions.contains("default_permissions")) {
            o.add("default_permissions");
        }
        o.addAll(fuseOptions);
        return String.join(",", o);
    }

    private static final class Builder {
        String host;
        Integer port;
        String subdir = "/";
        String password;
        Duration attr = CacheSettings.DEFAULTS.attrTimeout();
        Duration entry = CacheSettings.DEFAULTS.entryTimeout();
        Duration dirEntry = CacheSettings.DEFAULTS.dirEntryTimeout();
        Duration negEntry = CacheSettings.DEFAULTS.negEntryTimeout();
        Duration masterGone = ClientConfig.DEFAULT_MASTER_GONE_TIMEOUT;
        long writeCache = ClientConfig.DEFAULT_WRITE_BUFFER_BYTES;
        long readAhead = ClientConfig.DEFAULT_READ_AHEAD_MAX_BYTES;
        boolean readOnly;
        boolean standard = true;
        boolean readFollower;
        final List<String> fuse = new ArrayList<>();

        void apply(String opt) {
            int eq = opt.indexOf('=');
            String key = eq < 0 ? opt : opt.substring(0, eq);
            String value = eq < 0 ? null : opt.substring(eq + 1);
            switch (key) {
                case "mfsmaster" -> host = need(key, value);
                case "mfsport" -> port = integer(key, value);
                case "mfssubfolder" -> subdir = need(key, value);
                case "mfspassword" -> password = need(key, value);
                case "mfsattrcacheto" -> attr = duration(key, value);
                case "mfsentrycacheto" -> entry = duration(key, value);
                case "mfsdirentrycacheto" -> dirEntry = duration(key, value);
                case "mfsnegentrycacheto" -> negEntry = duration(key, value);
                case "mfsiotimeout" -> masterGone = positive(key, duration(key, value));
                case "mfswritecachesize" -> writeCache = mebibytes(key, value);
                case "mfsreadaheadsize" -> readAhead = mebibytes(key, value);
                case "mfsnostdmountoptions" -> standard = false;
                case "mfsreadfollower" -> readFollower = true;
                default -> {
                    if (key.startsWith("mfs")) {
                        throw new IllegalArgumentException("unknown mount option '" + opt + "'");
                    }
                    readOnly |= key.equals("ro");
                    readOnly &= !key.equals("rw");
                    fuse.add(opt);
                }
            }
        }

        MountOptions build(List<ServerAddress> fallback) {
            return new MountOptions(masters(fallback), subdir, password,
                    new CacheSettings(attr, entry, dirEntry, negEntry, CacheSettings.DEFAULTS.readdirPage()), masterGone,
                    Math.max(writeCache, ClientConfig.MIN_WRITE_BUFFER_BYTES), readAhead, readOnly, standard, fuse,
                    readFollower);
        }

        /** mfsmaster/-H and mfsport/-P over {@code fallback}: only what is given replaces it. */
        private List<ServerAddress> masters(List<ServerAddress> fallback) {
            if (host == null && port == null) {
                return fallback;
            }
            String h = host != null ? host : fallback.get(0).host();
            int p = port != null ? port : fallback.get(0).port();
            return ServerAddress.parseList(h.replace(';', ','), p);
        }

        private static String need(String key, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("mount option '" + key + "' needs a value (" + key + "=...)");
            }
            return value;
        }

        private static int integer(String key, String value) {
            try {
                return Integer.parseInt(need(key, value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mount option '" + key + "=" + value + "': not a whole number");
            }
        }

        private static Duration duration(String key, String value) {
            try {
                double s = Double.parseDouble(need(key, value));
                if (s < 0 || Double.isNaN(s) || s > 86_400) {
                    throw new IllegalArgumentException("mount option '" + key + "=" + value
                            + "': seconds must be between 0 and 86400");
                }
                return Duration.ofNanos((long) (s * 1e9));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mount option '" + key + "=" + value + "': not a number of seconds");
            }
        }

        private static Duration positive(String key, Duration d) {
            if (d.isZero()) {
                throw new IllegalArgumentException("mount option '" + key + "' must be more than 0 seconds");
            }
            return d;
        }

        private static long mebibytes(String key, String value) {
            int mib = integer(key, value);
            if (mib < 0) {
                throw new IllegalArgumentException("mount option '" + key + "=" + value + "' must not be negative");
            }
            return mib * MIB;
        }
    }
}
