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
import org.mfsj.s3.tls.TlsConfig;

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
 * @param tls the HTTPS listener (off when no key store is named)
 * @param masterPassword the password of the master's export the gateway's session opens, or null
 */
public record S3Config(String listenHost, int listenPort, String masterHost, int masterPort, String s3Root,
                       Path usersFile, String region, String domain, Duration maxClockSkew, long minPartSize,
                       Duration multipartExpiry, TlsConfig tls, String masterPassword) {
    public static final String FILE_NAME = "mfss3.cfg";

    public static final ConfigKey<String> LISTEN_HOST = ConfigKey.string("LISTEN_HOST", "*",
            "Address the HTTP port binds to; * = all addresses.");
    public static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.integer("LISTEN_PORT", 9000, 0, 65535,
            "HTTP port of the S3 gateway (0 = any free port).");
    public static final ConfigKey<String> MASTER_HOST = ConfigKey.string("MASTER_HOST", "mfsmaster",
            "Host name or address of the master.");
    public static final ConfigKey<Integer> MASTER_PORT = ConfigKey.integer("MASTER_PORT", 9421, 1, 65535,
            "Port on which the master listens for clients.");
    public static final ConfigKey<String> MASTER_PASSWORD = ConfigKey.string("MASTER_PASSWORD", "",
            "Password of the master's export the gateway opens (password= in mfsexports.cfg); empty = none.\n"
                    + "It is answered to the master's challenge, never sent.");
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

    public static final ConfigKey<String> TLS_KEYSTORE = ConfigKey.string("TLS_KEYSTORE", "",
            "Key store (PKCS12 or JKS) with the key and certificate chain for HTTPS; empty = no HTTPS. A relative\n"
                    + "path is read next to this file. Make one with: keytool -genkeypair -keyalg EC -alias s3\n"
                    + "-keystore s3.p12 -dname CN=s3.example.com -ext SAN=dns:s3.example.com,dns:*.s3.example.com");
    public static final ConfigKey<String> TLS_KEYSTORE_PASSWORD = ConfigKey.string("TLS_KEYSTORE_PASSWORD", "",
            "Password of the key store and of the key in it.");
    public static final ConfigKey<String> TLS_KEYSTORE_TYPE = ConfigKey.string("TLS_KEYSTORE_TYPE", "PKCS12",
            "Type of the key store: PKCS12 or JKS.");
    public static final ConfigKey<Integer> TLS_LISTEN_PORT = ConfigKey.integer("TLS_LISTEN_PORT", 9443, 0, 65535,
            "HTTPS port, on LISTEN_HOST, when TLS_KEYSTORE is set (0 = any free port).");
    public static final ConfigKey<Boolean> TLS_ONLY = ConfigKey.bool("TLS_ONLY", false,
            "1 = serve HTTPS alone (no plain HTTP on LISTEN_PORT); needs TLS_KEYSTORE.");

    public static final ConfigSchema SCHEMA = ConfigSchema.of(FILE_NAME, LISTEN_HOST, LISTEN_PORT, MASTER_HOST,
            MASTER_PORT, MASTER_PASSWORD, S3_ROOT, USERS_FILE, REGION, DOMAIN, MAX_CLOCK_SKEW, MIN_PART_SIZE, MULTIPART_EXPIRY,
            TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, TLS_KEYSTORE_TYPE, TLS_LISTEN_PORT, TLS_ONLY);

    public S3Config {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(masterHost, "masterHost");
        Objects.requireNonNull(s3Root, "s3Root");
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Reads {@code file}; a missing file gives every default. A relative users file or key store is
     * resolved next to it.
     */
    public static S3Config load(Path file) throws ConfigException {
        Config c = ConfigLoader.load(file, SCHEMA);
        if (c.get(TLS_ONLY) && c.get(TLS_KEYSTORE).isEmpty()) {
            throw new ConfigException(file.toString(), 0, TLS_ONLY.name(),
                    "TLS_ONLY = 1 needs TLS_KEYSTORE: name a key store, or set TLS_ONLY = 0");
        }
        S3Config cfg = from(c);
        Path dir = file.toAbsolutePath().getParent();
        if (!cfg.usersFile.isAbsolute() && dir != null) {
            cfg = cfg.withUsersFile(dir.resolve(cfg.usersFile));
        }
        return cfg.withTls(cfg.tls.resolvedAgainst(dir));
    }

    public static S3Config defaults() {
        return from(ConfigLoader.defaults(SCHEMA));
    }

    public static S3Config from(Config c) {
        return new S3Config(c.get(LISTEN_HOST), c.get(LISTEN_PORT), c.get(MASTER_HOST), c.get(MASTER_PORT),
                c.get(S3_ROOT), c.get(USERS_FILE), c.get(REGION), c.get(DOMAIN),
                Duration.ofSeconds(c.get(MAX_CLOCK_SKEW)), c.get(MIN_PART_SIZE),
                Duration.ofSeconds(c.get(MULTIPART_EXPIRY)), tls(c),
                c.get(MASTER_PASSWORD).isEmpty() ? null : c.get(MASTER_PASSWORD));
    }

    private static TlsConfig tls(Config c) {
        String ks = c.get(TLS_KEYSTORE);
        return new TlsConfig(ks.isEmpty() ? null : Path.of(ks), c.get(TLS_KEYSTORE_PASSWORD), c.get(TLS_KEYSTORE_TYPE),
                c.get(TLS_LISTEN_PORT), c.get(TLS_ONLY));
    }

    public ServerAddress masterAddress() {
        return new ServerAddress(masterHost, masterPort);
    }

    public S3Config withUsersFile(Path p) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, p, region, domain, maxClockSkew,
                minPartSize, multipartExpiry, tls, masterPassword);
    }

    public S3Config withTls(TlsConfig t) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, usersFile, region, domain,
                maxClockSkew, minPartSize, multipartExpiry, t, masterPassword);
    }

    public S3Config withListen(String host, int port) {
        return new S3Config(host, port, masterHost, masterPort, s3Root, usersFile, region, domain, maxClockSkew,
                minPartSize, multipartExpiry, tls, masterPassword);
    }

    public S3Config withDomain(String d) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, usersFile, region, d,
                maxClockSkew, minPartSize, multipartExpiry, tls, masterPassword);
    }

    public S3Config withMinPartSize(long bytes) {
        return new S3Config(listenHost, listenPort, masterHost, masterPort, s3Root, usersFile, region, domain,
                maxClockSkew, bytes, multipartExpiry, tls, masterPassword);
    }
}
