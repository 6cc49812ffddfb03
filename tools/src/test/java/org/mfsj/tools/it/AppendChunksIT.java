package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ChunkReport;

/**
 * Joining files by chunks over a real cluster (what multipart completion uses): the joined file
 * shares the sources' chunks, reads back as their concatenation, and a write to it copies the
 * chunk first, leaving the source as it was.
 */
class AppendChunksIT {
    @TempDir
    Path tmp;

    @Test
    void joinedFilesShareChunksUntilWrittenAndReadBackAsTheConcatenation() throws Exception {
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("cluster"))) {
            MfsClient c = fx.client();
            long chunk = ChunkGeometry.CHUNK_SIZE;
            byte[] whole = fx.writeFile("whole", chunk, 1, 2);
            byte[] tail = fx.writeFile("tail", 3_000_000, 2, 2);
            long a = fx.inodeOf("whole");
            long b = fx.inodeOf("tail");
            Attr joined = c.create(ClusterFixture.ROOT, c.rootInode(), "joined", 0644);

            Attr after = c.appendChunks(ClusterFixture.ROOT, joined.inode(), List.of(a, b));
            assertThat(after.length()).isEqualTo(chunk + 3_000_000);
            assertThat(ids(c.fileInfo(joined.inode()))).isEqualTo(List.of(ids(c.fileInfo(a)).get(0),
                    ids(c.fileInfo(b)).get(0)));
            assertThat(fx.readDigest(joined.inode())).isEqualTo(concatDigest(chunk));

            // a write to the joined file copies its first chunk; the source keeps its bytes
            try (FileHandle h = c.open(ClusterFixture.ROOT, joined.inode(), true)) {
                h.write(0, new byte[] {1, 2, 3}, 0, 3);
            }
            assertThat(ids(c.fileInfo(joined.inode())).get(0)).isNotEqualTo(ids(c.fileInfo(a)).get(0));
            assertThat(fx.readDigest(a)).isEqualTo(whole);
            assertThat(fx.readDigest(b)).isEqualTo(tail);
            byte[] start = new byte[3];
            try (FileHandle h = c.open(ClusterFixture.ROOT, joined.inode(), false)) {
                h.read(0, start, 0, 3);
            }
            assertThat(start).containsExactly(1, 2, 3);
        }
    }

    private static List<Long> ids(List<ChunkReport> chunks) {
        return chunks.stream().map(ChunkReport::chunkId).toList();
    }

    /** SHA-256 of the seeded data writeFile wrote for "whole" then for "tail", made again. */
    private static byte[] concatDigest(long chunk) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        long[][] files = {{1, chunk}, {2, 3_000_000}};
        for (long[] f : files) {
            java.util.Random rnd = new java.util.Random(f[0]);
            for (long off = 0; off < f[1]; off += buf.length) {
                int n = (int) Math.min(buf.length, f[1] - off);
                rnd.nextBytes(buf);
                sha.update(buf, 0, n);
            }
        }
        return sha.digest();
    }
}
