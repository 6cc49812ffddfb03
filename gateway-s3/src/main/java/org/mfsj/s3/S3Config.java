package org.mfsj.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.ConfigKey;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.config.ConfigSchema;
import org.mfsj.common.types.ServerAddress;

/**
 * Everything {@code mfss3.cfg} tells the S3 gateway, read once at start-up.
 *
 * @param listenHost address the HTTP port binds to; {@code *} = every address
 * @param listenPort the HTTP port; 0 picks a free one (tests)
 * @param masterHost the master's host name or address
 * @param masterPort the master's client port
 * @param s3Root the directory (in the cluster) whose subdirectories are the buckets
 * @param usersFile access keys, secrets and the uid/gid each maps to
 * @param region the region reported by GetBucketLocation
 * @param domain the base name for virtual-host addressing ({@code bucket.DOMAIN}); empty = path style only
 * @param maxClockSkew how far a request's date may be from the gateway's clock
 * @param minPartSize the smallest multipart part (but the last) CompleteMultipartUpload accepts
 * @param multipartExpiry how long an upload that is neither completed nor aborted is kept
 */
public record S3Config(String listenHost, int listenPort, String masterHost, int masterPort, String s3Root,
                       Path usersFile, String region, String domain, Duration maxClockSkew, long minPartSize,
                       Duration multipartExpiry) {
    public static final String FILE_NAME = "mfss3.cfg";

    public static final ConfigKey<String> LISTEN_HOST = ConfigKey.string("LISTEN_HOST", "*",
            "Address the HTTP port binds to; * = all addresses.");
    public static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.integer("LISTEN_PORT", 9000, 0, 65535,
            "HTTP port of the S3 gateway (0 = any free port).");
    public static final ConfigKey<String> MASTER_HOST = ConfigKey.string("MASTER_HOST", "mfsmaster",
            "Host name or address of the master.");
    public static final ConfigKey<Integer> MASTER_PORT = ConfigKey.integer("MASTER_PORT", 9421, 1, 65535,
            "Port on which the master listens for clients.");
    public static final ConfigKey<String> S3_ROOT = ConfigKey.string("S3_ROOT", "/",
            "Directory of the cluster whose subdirectories are the buckets (created when missing).");
    public static final ConfigKey<Path> USERS_FILE = ConfigKey.path("USERS_FILE", Path.of("mfss3users.cfg"),
            "File of S3 users, one per line: ACCESS_KEY SECRET_KEY UID GID. A relative path is read next to\n"
                    + "this file.");
    public static final ConfigKey<String> REGION = ConfigKey.string("REGION", "us-east-1",
            "Region name reported to clients (GetBucketLocation).");
    public static final ConfigKey<String> DOMAIN = ConfigKey.string("DOMAIN", "",
            "Base host name for virtual-host-style requests (bucket.DOMAIN); empty = path style only.");
    public static final ConfigKey<Integer> MAX_CLOCK_SKEW = ConfigKey.integer("MAX_CLOCK_SKEW", 900, 1, 86_400,
            "Seconds a signed request's date may differ from the gateway's clock (RequestTimeTooSkewed).");
    public static final ConfigKey<Long> MIN_PART_SIZE = ConfigKey.longValue("MIN_PART_SIZE", 5L << 20, 1,
            5L << 30, "Smallest multipart part, but the last, that CompleteMultipartUpload accepts (bytes).");
    public static final ConfigKey<Integer> MULTIPART_EXPIRY = ConfigKey.integer("MULTIPART_EXPIRY", 7 * 86_400,
            60, Integer.MAX_VALUE, "Seconds after which an unfinished multipart upload is removed.");

    public static final ConfigSchema SCHEMA = ConfigSchema.of(FILE_NAME, LISTEN_HOST, LISTEN_PORT, MASTER_HOST,
            MASTER_PORT, S3_ROOT, USERS_FILE, REGION, DOMAIN, MAX_CLOCK_SKEW, MIN_PART_SIZE, MULTIPART_EXPIRY);

    public S3Config {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(masterHost, "masterHost");
        Objects.requireNonNull(s3Root, "s3Root");
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(domain, "domain");
    }

    /** Reads {@code file}; a missing file gives every default. A relative users file is resolved next to it. */
    public static S3Config load(Path file) throws ConfigException {
        Config c = ConfigLoader.load(file, SCHEMA);
        S3Config cfg = from(c);
        Path dir = file.toAbsolutePath().getParent();
        if (!cfg.usersFile.isAbsolute() && dir != null) {
            cfg = cfg.withUsersFile(dir.resolve(cfg.usersFile));
        }
        return cfg;
    }

    public static S3Config defaults() {
        return from(ConfigLoader.defaults(SCHEMA));
    }

    public static S3Config from(Config c) {
        return new S3Config(c.get(LISTEN_HOST), c.get(LISTEN_PORT), c.get(MASTER_HOST), c.get(MASTER_PORT),
                c.get(S3_ROOT), c.get(USERS_FILE), c.get(REGION), c.get(DOMAIN),
                Duration.ofSeconds(c.get(MAX_CLOCK_SKEW)), c.get(MIN_PART_SIZE),
                Duration.ofSeconds(c.get(MULTIPART_EXPIRY)));
    }

    public ServerAddress masterAddress() {
        return new ServerAddress(masterHost, masterPort);
    }

    public S3Config withUsersFile(Path p) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, p, region, domain, maxClockSkew,
                minPartSize, multipartExpiry);
    }

    public S3Config withListen(String host, int port) {
        return new S3Config(host, port, masterHost, masterPort, s3Root, usersFile, region, domain, maxClockSkew,
                minPartSize, multipartExpiry);
    }

    public S3Config withDomain(String d) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, usersFile, region, d,
                maxClockSkew, minPartSize, multipartExpiry);
    }

    public S3Config withMinPartSize(long bytes) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, usersFile, region, domain,
                maxClockSkew, bytes, multipartExpiry);
    }
}
