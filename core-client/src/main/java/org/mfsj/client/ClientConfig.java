package org.mfsj.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ServerAddress;

/**
 * Everything a client session needs, built once by the door that embeds the library.
 *
 * @param masters           master addresses; the first reachable wins, the rest are failover targets
 * @param subdir            the subtree this session sees as its root ("/" for the whole namespace)
 * @param clientInfo        free text the master shows for this session (host, door, version)
 * @param callTimeout       how long one master or chunkserver request may stay unanswered
 * @param masterGoneTimeout how long calls wait for a lost master to come back before ETIMEDOUT
 * @param writeBufferBytes  write-back budget per open file: writes block when it is full
 * @param readAheadMaxBytes the largest read-ahead window a sequential reader grows to
 * @param ioThreads         network event-loop threads shared by master and chunkserver links
 * @param passwordMd5       MD5 of the export's password, or null; the password itself is never kept
 * @param readFromFollowers send read-only metadata calls (lookup, getattr, readdir, readlink, getxattr,
 *                          listxattr) to a follower master (master HA), the rest to the leader; the
 *                          client still reads its own writes
 */
public record ClientConfig(List<ServerAddress> masters, String subdir, String clientInfo, Duration callTimeout,
                           Duration masterGoneTimeout, long writeBufferBytes, long readAheadMaxBytes,
                           int ioThreads, byte[] passwordMd5, boolean readFromFollowers) {
    public static final String DEFAULT_SUBDIR = "/";
    public static final String DEFAULT_CLIENT_INFO = "mfsj-client";
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MASTER_GONE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 64L << 20;
    public static final long DEFAULT_READ_AHEAD_MAX_BYTES = 16L << 20;
    public static final int DEFAULT_IO_THREADS = 4;
    /** One WriteData piece must always fit, or a writer could block forever on an empty buffer. */
    public static final long MIN_WRITE_BUFFER_BYTES = 2L * ChunkGeometry.BLOCK_SIZE * 16;

    public ClientConfig {
        masters = List.copyOf(masters);
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("at least one master address is needed");
        }
        Objects.requireNonNull(subdir, "subdir");
        Objects.requireNonNull(clientInfo, "clientInfo");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(masterGoneTimeout, "masterGoneTimeout");
        if (writeBufferBytes < MIN_WRITE_BUFFER_BYTES) {
            throw new IllegalArgumentException("writeBufferBytes must be at least " + MIN_WRITE_BUFFER_BYTES);
        }
        if (readAheadMaxBytes < 0) {
            throw new IllegalArgumentException("readAheadMaxBytes must not be negative");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1");
        }
    }

    /** Defaults for everything but the master addresses. */
    public static ClientConfig of(List<ServerAddress> masters) {
        return new ClientConfig(masters, DEFAULT_SUBDIR, DEFAULT_CLIENT_INFO, DEFAULT_CALL_TIMEOUT,
                DEFAULT_MASTER_GONE_TIMEOUT, DEFAULT_WRITE_BUFFER_BYTES, DEFAULT_READ_AHEAD_MAX_BYTES,
                DEFAULT_IO_THREADS, null, false);
    }

    public static ClientConfig of(ServerAddress master) {
        return of(List.of(master));
    }

    public ClientConfig withSubdir(String dir) {
        return new ClientConfig(masters, dir, clientInfo, callTimeout, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withClientInfo(String info) {
        return new ClientConfig(masters, subdir, info, callTimeout, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withCallTimeout(Duration d) {
        return new ClientConfig(masters, subdir, clientInfo, d, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withMasterGoneTimeout(Duration d) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, d, writeBufferBytes,
                readAheadMaxBytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withWriteBufferBytes(long bytes) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, masterGoneTimeout, bytes,
                readAheadMaxBytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withReadAheadMaxBytes(long bytes) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, masterGoneTimeout, writeBufferBytes,
                bytes, ioThreads, passwordMd5, readFromFollowers);
    }

    public ClientConfig withIoThreads(int threads) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, threads, passwordMd5, readFromFollowers);
    }

    /** Mounts an export that needs a password (answered to the master's challenge, never sent). */
    public ClientConfig withPassword(String password) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, ioThreads, password == null ? null : PasswordProof.md5(password),
                readFromFollowers);
    }

    /** Read-only metadata calls go to a follower master when one answers (master HA). */
    public ClientConfig withReadFromFollowers(boolean on) {
        return new ClientConfig(masters, subdir, clientInfo, callTimeout, masterGoneTimeout, writeBufferBytes,
                readAheadMaxBytes, ioThreads, passwordMd5, on);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
