package org.mfsj.tools.it;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.mfsj.client.ClientConfig;
import org.mfsj.common.types.DirEntry;
import org.mfsj.client.DirPage;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.tools.cluster.Door;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * A real local cluster (separate JVM processes on loopback) in a temporary folder, plus a client,
 * for one test. {@link #close()} stops every process it started.
 */
final class ClusterFixture implements AutoCloseable {
    static final Creds ROOT = Creds.ROOT;

    final LocalCluster cluster;
    private MfsClient client;

    private final Thread reaper;

    ClusterFixture(Path dir) throws IOException, InterruptedException {
        this(dir, List.of());
    }

    /** A cluster that also starts {@code doors} (gateways, a mount) once it is ready. */
    ClusterFixture(Path dir, List<Door> doors) throws IOException, InterruptedException {
        this(dir, doors, 1);
    }

    /** A cluster with {@code masters} voting masters (master HA). */
    ClusterFixture(Path dir, List<Door> doors, int masters) throws IOException, InterruptedException {
        // any free ports: test clusters (and other runs on this machine) must never race for 9420/9421
        this.cluster = new LocalCluster(dir, new PrintStream(PrintStream.nullOutputStream()), doors, false, masters);
        // a test JVM that dies (timeout, Ctrl-C) must not leave daemons behind
        this.reaper = new Thread(cluster::down, "cluster-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            cluster.up(Duration.ofSeconds(90));
        } catch (IOException | RuntimeException e) {
            cluster.down();
            Runtime.getRuntime().removeShutdownHook(reaper);
            throw e;
        }
    }

    MfsClient client() throws IOException {
        if (client == null) {
            client = MfsClient.connect(ClientConfig.of(cluster.masterAddresses()).withClientInfo("it"));
        }
        return client;
    }

    /** Writes {@code size} bytes of seeded pseudo-random data; returns the SHA-256 of what was written. */
    byte[] writeFile(String name, long size, long seed, int goal) throws Exception {
        MfsClient c = client();
        Attr f = c.create(ROOT, c.rootInode(), name, 0644);
        c.setGoal(ROOT, f.inode(), goal, false);
        return overwrite(f.inode(), size, seed);
    }

    byte[] overwrite(long inode, long size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random rnd = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (FileHandle h = client().open(ROOT, inode, true)) {
            for (long off = 0; off < size; off += buf.length) {
                int n = (int) Math.min(buf.length, size - off);
                rnd.nextBytes(buf);
                h.write(off, buf, 0, n);
                sha.update(buf, 0, n);
            }
            h.flush();
        }
        return sha.digest();
    }

    /** SHA-256 of the whole file as read back now. */
    byte[] readDigest(long inode) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (FileHandle h = client().open(ROOT, inode, false)) {
            long off = 0;
            int n;
            while ((n = h.read(off, buf, 0, buf.length)) > 0) {
                sha.update(buf, 0, n);
                off += n;
            }
        }
        return sha.digest();
    }

    long inodeOf(String name) throws IOException {
        return client().lookup(ROOT, client().rootInode(), name).inode();
    }

    /** Chunk files of one chunkserver, as the store names them on disk. */
    List<Path> chunkFiles(int server) throws IOException {
        Path chunks = cluster.chunkserverDisk(server).resolve("chunks");
        if (!Files.isDirectory(chunks)) {
            return List.of();
        }
        try (var s = Files.walk(chunks)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chunk_")).sorted().toList();
        }
    }

    /** Every name in directory {@code dir}, page by page (the master sends at most 10,000 entries at a time). */
    static Set<String> names(MfsClient c, long dir) throws MfsException {
        Set<String> names = new HashSet<>();
        long cookie = 0;
        while (true) {
            DirPage page = c.readdir(ROOT, dir, cookie, 1000, false);
            for (DirEntry e : page.entries()) {
                names.add(e.name());
                cookie = e.cookie();
            }
            if (page.eof() || page.entries().isEmpty()) {
                return names;
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            cluster.down();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook runs anyway
            }
        }
    }
}
