package org.mfsj.s3.cors;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Buckets' CORS configurations, kept as an extended attribute of the bucket's directory (so every
 * gateway serving the cluster sees the same), and remembered here for a second: browsers send an
 * Origin with every request, and each would otherwise cost a master call. A change made through
 * another gateway shows here within that second.
 */
public final class CorsConfigs {
    public static final String XATTR = "user.s3.cors";
    static final long TTL_NANOS = 1_000_000_000L;

    private record Cached(Optional<CorsConfiguration> config, long expires) {
    }

    private final MfsClient client;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    public CorsConfigs(MfsClient client, LongSupplier nanoClock) {
        this.client = client;
        this.nanoClock = nanoClock;
    }

    /** The configuration of the bucket whose directory is {@code bucket}, as any caller may see it. */
    public Optional<CorsConfiguration> of(long bucket) throws IOException {
        long now = nanoClock.getAsLong();
        Cached c = cache.get(bucket);
        if (c != null && c.expires() - now > 0) {
            return c.config();
        }
        Optional<CorsConfiguration> read = read(Creds.ROOT, bucket);
        cache.put(bucket, new Cached(read, now + TTL_NANOS));
        return read;
    }

    /** Read with the caller's rights (GetBucketCors). */
    public Optional<CorsConfiguration> read(Creds creds, long bucket) throws IOException {
        try {
            return Optional.of(CorsConfiguration.parse(client.getxattr(creds, bucket, XATTR)));
        } catch (MfsException e) {
            if (e.status() == Status.ENODATA) {
                return Optional.empty();
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    public void put(Creds creds, long bucket, CorsConfiguration config) throws S3Exception {
        try {
            client.setxattr(creds, bucket, XATTR, config.toXml().toBytes(), 0);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        } finally {
            cache.remove(bucket);
        }
    }

    public void delete(Creds creds, long bucket) throws S3Exception {
        try {
            client.removexattr(creds, bucket, XATTR);
        } catch (MfsException e) {
            if (e.status() != Status.ENODATA) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
            }
        } finally {
            cache.remove(bucket);
        }
    }
}
