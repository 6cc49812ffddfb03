package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.CopyReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.LocalCluster;

/** The storage core as users run it: real master and chunkserver processes on loopback. */
class StorageCoreIT {
    private static final long MIB = 1 << 20;

    @TempDir
    Path tmp;

    private ClusterFixture fx;

    @AfterEach
    void stopCluster() throws IOException {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void twoHundredMibWithGoalTwoSurviveAChunkserverKill() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        byte[] written = fx.writeFile("big", 200 * MIB, 42, 2);
        long inode = fx.inodeOf("big");

        assertThat(fx.readDigest(inode)).isEqualTo(written);
        List<ChunkReport> chunks = fx.client().fileInfo(inode);
        assertThat(chunks).hasSize(4);
        for (ChunkReport c : chunks) {
            assertThat(c.validCopies()).as("valid copies of chunk %d", c.index()).isEqualTo(2);
            Set<ServerAddress> servers = new HashSet<>();
            c.copies().forEach(copy -> servers.add(copy.server()));
            assertThat(servers).as("servers of chunk %d", c.index()).hasSize(2);
        }

        fx.cluster.kill9(LocalCluster.chunkserverName(1));
        assertThat(fx.readDigest(inode)).as("read right after kill -9 of a chunkserver").isEqualTo(written);

        ServerAddress dead = fx.cluster.chunkserverAddress(1);
        ClusterFixture.await("every chunk back at 2 valid copies on the two live servers", Duration.ofSeconds(60),
                () -> allChunks(inode, c -> c.validCopies() == 2
                        && c.copies().stream().filter(CopyReport::valid).noneMatch(x -> x.server().equals(dead))));
        assertThat(fx.readDigest(inode)).isEqualTo(written);
    }

    @Test
    void flippedByteIsDetectedAndTheBadCopyReplaced() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        byte[] written = fx.writeFile("f", 3 * MIB, 7, 2);
        long inode = fx.inodeOf("f");
        ChunkReport chunk = fx.client().fileInfo(inode).get(0);
        int victim = serverIndex(chunk.copies().get(0).server());
        Path file = chunkFile(victim, chunk.chunkId());
        long at = Files.size(file) - MIB;   // inside the data, past the header
        byte original = flip(file, at);

        for (int i = 0; i < 8; i++) {
            assertThat(fx.readDigest(inode)).as("read %d after corruption", i).isEqualTo(written);
        }
        ClusterFixture.await("the corrupted copy dropped and the chunk back at 2 valid copies", Duration.ofSeconds(60),
                () -> allChunks(inode, c -> c.validCopies() == 2) && !stillCorrupt(file, at, original));
        assertThat(fx.readDigest(inode)).isEqualTo(written);
    }

    @Test
    void staleCopyOfAServerThatMissedARewriteIsDroppedNeverServed() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        fx.writeFile("f", 2 * MIB, 1, 3);
        long inode = fx.inodeOf("f");
        ChunkReport before = fx.client().fileInfo(inode).get(0);
        assertThat(before.validCopies()).isEqualTo(3);

        fx.cluster.kill9(LocalCluster.chunkserverName(3));
        byte[] rewritten = fx.overwrite(inode, 2 * MIB, 2);
        ChunkReport after = fx.client().fileInfo(inode).get(0);
        assertThat(after.version()).isGreaterThan(before.version());
        Path staleFile = chunkFile(3, before.chunkId());
        assertThat(staleFile.getFileName().toString().toUpperCase()).endsWith(String.format("_%08X.MFS", before.version()));

        fx.cluster.start(LocalCluster.chunkserverName(3));
        fx.cluster.waitReady(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            assertThat(fx.readDigest(inode)).as("read %d after the stale server returned", i).isEqualTo(rewritten);
        }
        ClusterFixture.await("stale copy deleted from chunkserver 3", Duration.ofSeconds(60),
                () -> !Files.exists(staleFile));
        ClusterFixture.await("3 valid copies at the new version", Duration.ofSeconds(60),
                () -> allChunks(inode, c -> c.validCopies() == 3
                        && c.copies().stream().allMatch(x -> x.version() == after.version())));
        assertThat(fx.readDigest(inode)).isEqualTo(rewritten);
    }

    @Test
    void goalThreeKeepsThreeCopiesAndLoweringItDeletesTheExtra() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        byte[] written = fx.writeFile("g", 70 * MIB, 3, 3);
        long inode = fx.inodeOf("g");
        assertThat(fx.client().fileInfo(inode)).hasSize(2).allSatisfy(c -> assertThat(c.validCopies()).isEqualTo(3));

        fx.client().setGoal(ClusterFixture.ROOT, inode, 1, false);
        ClusterFixture.await("extra copies deleted down to goal 1", Duration.ofSeconds(60),
                () -> allChunks(inode, c -> c.copies().size() == 1) && totalChunkFiles() == 2);
        assertThat(fx.readDigest(inode)).isEqualTo(written);
    }

    private interface ChunkCheck {
        boolean test(ChunkReport c);
    }

    private boolean allChunks(long inode, ChunkCheck check) {
        try {
            for (ChunkReport c : fx.client().fileInfo(inode)) {
                if (!check.test(c)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int totalChunkFiles() {
        try {
            int n = 0;
            for (int i = 1; i <= LocalCluster.CHUNKSERVERS; i++) {
                n += fx.chunkFiles(i).size();
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int serverIndex(ServerAddress a) {
        for (int i = 1; i <= LocalCluster.CHUNKSERVERS; i++) {
            if (fx.cluster.chunkserverAddress(i).equals(a)) {
                return i;
            }
        }
        throw new AssertionError("no local chunkserver at " + a);
    }

    private Path chunkFile(int server, long chunkId) throws IOException {
        String prefix = String.format("chunk_%016X_", chunkId);
        return fx.chunkFiles(server).stream()
                .filter(p -> p.getFileName().toString().toUpperCase().startsWith(prefix.toUpperCase()))
                .findFirst().orElseThrow(() -> new AssertionError("no file of chunk " + chunkId + " on server " + server));
    }

    private static byte flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            byte b = f.readByte();
            f.seek(at);
            f.writeByte(b ^ 0x5A);
            return b;
        }
    }

    private static boolean stillCorrupt(Path file, long at, byte original) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() <= at) {
                return false;
            }
            f.seek(at);
            return f.readByte() != original;
        } catch (IOException e) {
            return false;   // gone: the bad copy was dropped
        }
    }
}
