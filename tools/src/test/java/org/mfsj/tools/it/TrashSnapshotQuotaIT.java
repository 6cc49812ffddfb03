package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.tools.it.ClusterFixture.ROOT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.TrashItem;
import org.mfsj.tools.it.MfsInJvm.Run;

/** Trash, snapshots and quotas against one real cluster, through core-client and the mfs tools. */
class TrashSnapshotQuotaIT {
    @TempDir
    static Path tmp;

    private static ClusterFixture fx;

    @BeforeAll
    static void startCluster() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aDeletedFileStaysInTrashWithItsDataUntilPurged() throws Exception {
        MfsClient c = fx.client();
        assertThat(c.getTrashTime(c.rootInode())).isEqualTo(86_400);
        long dir = c.mkdir(ROOT, c.rootInode(), "t1", 0755).inode();
        long f = c.create(ROOT, dir, "data", 0644).inode();
        byte[] sha = fx.overwrite(f, 3 << 20, 11);
        long chunk = chunkIds(f).get(0);
        assertThat(copiesOnDisk(chunk)).isPositive();
        c.unlink(ROOT, dir, "data");
        c.rmdir(ROOT, c.rootInode(), "t1");
        assertThat(c.listTrash()).filteredOn(t -> t.inode() == f).singleElement()
                .satisfies(t -> assertThat(t.path()).isEqualTo("/t1/data"))
                .satisfies(t -> assertThat(t.length()).isEqualTo(3 << 20));

        Attr back = c.restoreTrash(ROOT, f);
        assertThat(back.nlink()).isEqualTo(1);
        long dir2 = c.lookup(ROOT, c.rootInode(), "t1").inode();
        assertThat(c.lookup(ROOT, dir2, "data").inode()).isEqualTo(f);
        assertThat(fx.readDigest(f)).isEqualTo(sha);

        c.unlink(ROOT, dir2, "data");
        c.create(ROOT, dir2, "data", 0644);
        assertThatThrownBy(() -> c.restoreTrash(ROOT, f)).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EEXIST));
        assertThat(copiesOnDisk(chunk)).isPositive();
        assertThat(c.purgeTrash(ROOT, f)).isEqualTo(1);
        assertThat(c.listTrash()).extracting(TrashItem::inode).doesNotContain(f);
        ClusterFixture.await("the purged file's chunk deleted", Duration.ofSeconds(60),
                () -> copiesOnDisk(chunk) == 0);
    }

    @Test
    void trashTimeZeroFreesAtOnceAndTheToolsWork() throws Exception {
        MfsClient c = fx.client();
        long dir = c.mkdir(ROOT, c.rootInode(), "t2", 0755).inode();
        assertThat(mfs("settrashtime", "0", "/t2").exit()).isZero();
        assertThat(mfs("gettrashtime", "/t2").out()).isEqualTo("/t2: 0\n");
        long gone = c.create(ROOT, dir, "gone", 0644).inode();
        c.unlink(ROOT, dir, "gone");
        assertThat(c.listTrash()).extracting(TrashItem::inode).doesNotContain(gone);

        assertThat(mfs("settrashtime", "-r", "3600", "/t2").out()).contains("(1 inodes changed)");
        long kept = c.create(ROOT, dir, "kept", 0644).inode();
        c.unlink(ROOT, dir, "kept");
        Run ls = mfs("trash", "ls");
        assertThat(ls.out()).contains(kept + "\t0\t").contains("/t2/kept");
        assertThat(mfs("trash", "restore", String.valueOf(kept)).out()).contains(kept + ": restored");
        assertThat(c.lookup(ROOT, dir, "kept").inode()).isEqualTo(kept);
        Run bad = mfs("trash", "restore", String.valueOf(kept));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("ENOENT");
        c.unlink(ROOT, dir, "kept");
        assertThat(mfs("trash", "purge").out()).matches("(?s)[1-9][0-9]* files purged\n");
        assertThat(c.listTrash()).isEmpty();
    }

    @Test
    void aSnapshotSharesChunksUntilEitherSideWrites() throws Exception {
        MfsClient c = fx.client();
        long dir = c.mkdir(ROOT, c.rootInode(), "s", 0755).inode();
        long src = c.create(ROOT, dir, "src", 0644).inode();
        long size = ChunkGeometry.CHUNK_SIZE + (1 << 20);
        byte[] original = fx.overwrite(src, size, 21);
        assertThat(mfs("snapshot", "/s/src", "/s/snap").exit()).isZero();
        long snap = c.lookup(ROOT, dir, "snap").inode();
        assertThat(chunkIds(snap)).isEqualTo(chunkIds(src)).hasSize(2);
        assertThat(fx.readDigest(snap)).isEqualTo(original);

        byte[] patch = new byte[4096];
        new Random(3).nextBytes(patch);
        try (FileHandle h = c.open(ROOT, snap, true)) {
            h.write(100, patch, 0, patch.length);
            h.flush();
        }
        List<Long> srcChunks = chunkIds(src);
        List<Long> snapChunks = chunkIds(snap);
        assertThat(snapChunks.get(0)).isNotEqualTo(srcChunks.get(0));
        assertThat(snapChunks.get(1)).isEqualTo(srcChunks.get(1));
        assertThat(fx.readDigest(src)).isEqualTo(original);
        assertThat(fx.readDigest(snap)).isNotEqualTo(original);
        assertThat(read(snap, 100, patch.length)).isEqualTo(patch);

        try (FileHandle h = c.open(ROOT, src, true)) {
            h.write(ChunkGeometry.CHUNK_SIZE, patch, 0, patch.length);
            h.flush();
        }
        assertThat(chunkIds(src).get(1)).isNotEqualTo(chunkIds(snap).get(1));
        byte[] snapNow = fx.readDigest(snap);

        c.unlink(ROOT, dir, "src");
        c.purgeTrash(ROOT, src);
        assertThat(fx.readDigest(snap)).isEqualTo(snapNow);
    }

    @Test
    void aTreeSnapshotCopiesEveryFileAndRefusesAnExistingName() throws Exception {
        MfsClient c = fx.client();
        long top = c.mkdir(ROOT, c.rootInode(), "tree", 0755).inode();
        long sub = c.mkdir(ROOT, top, "sub", 0755).inode();
        long f = c.create(ROOT, sub, "f", 0644).inode();
        byte[] sha = fx.overwrite(f, 100_000, 5);
        assertThat(c.snapshot(ROOT, top, c.rootInode(), "tree2")).isEqualTo(3);
        long copy = c.lookup(ROOT, c.lookup(ROOT, c.lookup(ROOT, c.rootInode(), "tree2").inode(), "sub").inode(), "f")
                .inode();
        assertThat(fx.readDigest(copy)).isEqualTo(sha);
        assertThat(chunkIds(copy)).isEqualTo(chunkIds(f));
        assertThatThrownBy(() -> c.snapshot(ROOT, top, c.rootInode(), "tree2"))
                .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EEXIST));
        assertThatThrownBy(() -> c.snapshot(ROOT, top, sub, "loop"))
                .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EINVAL));
    }

    @Test
    void aQuotaRefusesWhatPassesItsHardLimitWithEdquotAndNothingHalfWritten() throws Exception {
        MfsClient c = fx.client();
        long q = c.mkdir(ROOT, c.rootInode(), "quota", 0755).inode();
        assertThat(mfs("quota", "set", "--hard-bytes", "1048576", "--hard-inodes", "3", "/quota").exit()).isZero();
        long a = c.create(ROOT, q, "a", 0644).inode();
        fx.overwrite(a, 512 << 10, 1);
        long b = c.create(ROOT, q, "b", 0644).inode();
        assertThatThrownBy(() -> fx.overwrite(b, 1 << 20, 2)).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EDQUOT));
        try (MfsClient other = MfsClient.connect(ClientConfig.of(List.of(fx.cluster.masterAddress())))) {
            assertThat(other.getattr(b).length()).isZero();
            assertThat(other.getQuota(q).usedBytes()).isEqualTo(512 << 10);
        }
        c.create(ROOT, q, "c", 0644);
        assertThatThrownBy(() -> c.create(ROOT, q, "d", 0644)).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EDQUOT));
        assertThatThrownBy(() -> c.mkdir(ROOT, q, "d", 0755)).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EDQUOT));
        assertThat(mfs("quota", "get", "/quota").out())
                .isEqualTo("/quota: bytes 524288 (soft 0, hard 1048576), inodes 3 (soft 0, hard 3)\n");
        assertThat(mfs("quota", "rm", "/quota").exit()).isZero();
        c.create(ROOT, q, "d", 0644);
        assertThat(mfs("quota", "get", "/quota").err()).contains("ENOENT");
    }

    private static List<Long> chunkIds(long inode) throws MfsException, java.io.IOException {
        return fx.client().fileInfo(inode).stream().map(ChunkReport::chunkId).toList();
    }

    private static byte[] read(long inode, long offset, int length) throws Exception {
        byte[] buf = new byte[length];
        try (FileHandle h = fx.client().open(ROOT, inode, false)) {
            int n = h.read(offset, buf, 0, length);
            return Arrays.copyOf(buf, n);
        }
    }

    /** Chunk files of {@code chunkId} on every chunkserver's disk. */
    private static long copiesOnDisk(long chunkId) {
        String hex = String.format("%016X", chunkId);
        long n = 0;
        for (int i = 0; i < 3; i++) {
            try {
                n += fx.chunkFiles(i).stream().filter(p -> p.getFileName().toString().contains(hex)).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return n;
    }

    /** Runs an mfs tool in this JVM; the master options go after the (last) sub-command name. */
    private static Run mfs(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        int at = args[0].equals("trash") || args[0].equals("quota") ? 2 : 1;
        all.addAll(at, List.of("-H", "127.0.0.1", "-P", String.valueOf(fx.cluster.masterAddress().port())));
        return MfsInJvm.run(all.toArray(String[]::new));
    }
}
