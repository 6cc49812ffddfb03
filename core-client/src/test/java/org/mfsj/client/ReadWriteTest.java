package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mfsj.client.fake.Pattern;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;

class ReadWriteTest extends OnFakeCluster {
    private static final int CHUNK = ChunkGeometry.CHUNK_SIZE;

    private long newFile(String name) throws Exception {
        return client.create(ME, client.rootInode(), name, 0644).inode();
    }

    @Test
    void everyOpenAsksTheMasterAfreshWhereTheChunksAre() throws Exception {
        long inode = newFile("small");
        byte[] data = new byte[4096];
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, data, 0, data.length);
        }
        readAll(inode);
        long before = client.metrics().locationLookups();
        readAll(inode);
        assertThat(client.metrics().locationLookups()).as("lookups for a second open").isGreaterThan(before);
    }

    private void readAll(long inode) throws Exception {
        try (FileHandle h = client.open(ME, inode, false)) {
            byte[] buf = new byte[8192];
            assertThat(h.read(0, buf, 0, buf.length)).isEqualTo(4096);
        }
    }

    @Test
    void threeChunksAndABitReadBackIdentical() throws Exception {
        long inode = newFile("big");
        long size = 3L * CHUNK + 5 * (1 << 20) + 123;
        long seed = 42;
        try (FileHandle h = client.open(ME, inode, true)) {
            // an odd piece size, so pieces straddle blocks, cells and chunk boundaries
            byte[] buf = new byte[(1 << 20) + 4099];
            for (long pos = 0; pos < size; ) {
                int n = (int) Math.min(buf.length, size - pos);
                Pattern.fill(seed, pos, buf, 0, n);
                h.write(pos, buf, 0, n);
                pos += n;
            }
        }
        assertThat(client.getattr(inode).length()).isEqualTo(size);
        System.out.println("written " + client.metrics());
        try (FileHandle h = client.open(ME, inode, false)) {
            byte[] got = new byte[128 << 10];
            byte[] want = new byte[got.length];
            long pos = 0;
            while (true) {
                int n = h.read(pos, got, 0, got.length);
                if (n < 0) {
                    break;
                }
                Pattern.fill(seed, pos, want, 0, n);
                assertThat(java.util.Arrays.equals(got, 0, n, want, 0, n)).as("bytes at %d", pos).isTrue();
                pos += n;
            }
            assertThat(pos).isEqualTo(size);
        }
        assertThat(client.metrics().readAheadBytes()).isPositive();
        assertThat(client.metrics().bytesAcked()).isGreaterThanOrEqualTo(size);
    }

    @Test
    void unalignedOverlappingWritesMatchAModel() throws Exception {
        long inode = newFile("scattered");
        int size = 3 << 20;
        byte[] model = new byte[size];
        int modelLength = 0;
        Random rnd = new Random(7);
        try (FileHandle h = client.open(ME, inode, true)) {
            for (int i = 0; i < 300; i++) {
                int off = rnd.nextInt(size - 1);
                int len = 1 + rnd.nextInt(Math.min(size - off, 70_000));
                byte[] data = new byte[len];
                rnd.nextBytes(data);
                h.write(off, data, 0, len);
                System.arraycopy(data, 0, model, off, len);
                modelLength = Math.max(modelLength, off + len);
                if (i % 100 == 99) {
                    h.flush();
                }
            }
        }
        byte[] back = readAll(inode, modelLength, 33_333);
        assertThat(back).isEqualTo(java.util.Arrays.copyOf(model, modelLength));
    }

    @Test
    void readsAcrossChunkBoundariesAndHoles() throws Exception {
        long inode = newFile("sparse");
        byte[] head = Pattern.bytes(1, 0, 1000);
        long midAt = CHUNK - (3 << 19);                      // 1.5 MiB before the first boundary
        byte[] mid = Pattern.bytes(2, midAt, 3 << 20);       // ends 1.5 MiB into chunk 1
        long tailAt = 3L * CHUNK + 777;                      // chunk 2 is never written: a hole
        byte[] tail = Pattern.bytes(3, tailAt, 5000);
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, head, 0, head.length);
            h.write(midAt, mid, 0, mid.length);
            h.write(tailAt, tail, 0, tail.length);
        }
        try (FileHandle h = client.open(ME, inode, false)) {
            assertThat(h.length()).isEqualTo(tailAt + tail.length);
            assertThat(read(h, 0, 1000)).isEqualTo(head);
            assertThat(read(h, 1000, 4096)).isEqualTo(new byte[4096]);
            assertThat(read(h, midAt, mid.length)).isEqualTo(mid);
            // one read spanning the end of the data in chunk 1, all of hole chunk 2, and data in chunk 3
            long from = midAt + mid.length - 10;
            byte[] span = read(h, from, (int) (tailAt + 20 - from));
            assertThat(java.util.Arrays.copyOfRange(span, 0, 10))
                    .isEqualTo(java.util.Arrays.copyOfRange(mid, mid.length - 10, mid.length));
            assertThat(allZero(span, 10, span.length - 20)).isTrue();
            assertThat(java.util.Arrays.copyOfRange(span, span.length - 20, span.length))
                    .isEqualTo(java.util.Arrays.copyOf(tail, 20));
            byte[] last = new byte[100];
            assertThat(h.read(tailAt + tail.length - 10, last, 0, 100)).isEqualTo(10);
            assertThat(h.read(tailAt + tail.length, last, 0, 100)).isEqualTo(-1);
        }
    }

    @Test
    void readYourWritesAcrossHandlesBeforeFlush() throws Exception {
        long inode = newFile("shared");
        try (FileHandle writer = client.open(ME, inode, true);
             FileHandle reader = client.open(ME, inode, false)) {
            byte[] first = Pattern.bytes(5, 0, 3 << 20);
            assertThat(reader.read(0, new byte[10], 0, 10)).isEqualTo(-1);
            writer.write(0, first, 0, first.length);
            assertThat(reader.length()).isEqualTo(first.length);
            assertThat(client.getattr(inode).length()).isEqualTo(first.length);
            assertThat(read(reader, 0, first.length)).isEqualTo(first);

            writer.flush();
            byte[] patch = Pattern.bytes(6, 100, 50);
            writer.write(100, patch, 0, patch.length);
            byte[] expected = first.clone();
            System.arraycopy(patch, 0, expected, 100, patch.length);
            assertThat(read(reader, 0, first.length)).isEqualTo(expected);
            writer.flush();
            assertThat(read(reader, 0, first.length)).isEqualTo(expected);
        }
        assertThat(client.getattr(inode).length()).isEqualTo(3 << 20);
    }

    @Test
    void oneWriteSessionServesManyBuffers() throws Exception {
        long inode = newFile("stream");
        byte[] piece = new byte[64 << 10];
        try (FileHandle h = client.open(ME, inode, true)) {
            for (int i = 0; i < 128; i++) {
                Pattern.fill(9, (long) i * piece.length, piece, 0, piece.length);
                h.write((long) i * piece.length, piece, 0, piece.length);
            }
        }
        // 128 buffers of 64 KiB in one chunk: far fewer sessions (version bumps) than buffers
        assertThat(client.metrics().writeSessions()).isLessThan(8);
        assertThat(readAll(inode, 8 << 20, 1 << 20)).isEqualTo(Pattern.bytes(9, 0, 8 << 20));
    }

    @Test
    void truncateAfterBufferedWritesKeepsTheirOrder() throws Exception {
        long inode = newFile("trunc");
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, Pattern.bytes(4, 0, 100_000), 0, 100_000);
            Attr a = client.setattr(ME, inode, SetAttrRequest.truncate(10));
            assertThat(a.length()).isEqualTo(10);
            assertThat(h.length()).isEqualTo(10);
            assertThat(read(h, 0, 10)).isEqualTo(Pattern.bytes(4, 0, 10));
            assertThat(h.read(10, new byte[5], 0, 5)).isEqualTo(-1);
            client.setattr(ME, inode, SetAttrRequest.truncate(20));
            assertThat(read(h, 0, 20)).isEqualTo(java.util.Arrays.copyOf(Pattern.bytes(4, 0, 10), 20));
        }
    }

    @Test
    void aSmallBufferBlocksTheWriterAndStillStreamsEverything() throws Exception {
        MfsClient small = cluster.client(cluster.config().withWriteBufferBytes(ClientConfig.MIN_WRITE_BUFFER_BYTES));
        long inode = small.create(ME, small.rootInode(), "small", 0644).inode();
        int size = 20 << 20;
        try (FileHandle h = small.open(ME, inode, true)) {
            byte[] data = Pattern.bytes(21, 0, size);
            h.write(0, data, 0, size);
        }
        // half a 2 MiB buffer per session at most: many sessions, no data lost
        assertThat(small.metrics().writeSessions()).isGreaterThanOrEqualTo(10);
        assertThat(readAll(inode, size, 1 << 20)).isEqualTo(Pattern.bytes(21, 0, size));
    }

    @Test
    void concurrentWritersOnSeparateHandlesOfOneFile() throws Exception {
        long inode = newFile("concurrent");
        int threads = 4;
        int part = 3 << 20;
        java.util.List<java.util.concurrent.CompletableFuture<Void>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = (long) t * part;
            done.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (FileHandle h = client.open(ME, inode, true)) {
                    byte[] buf = new byte[100_003];
                    for (long pos = base; pos < base + part; pos += buf.length) {
                        int n = (int) Math.min(buf.length, base + part - pos);
                        Pattern.fill(31, pos, buf, 0, n);
                        h.write(pos, buf, 0, n);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (java.util.concurrent.CompletableFuture<Void> f : done) {
            f.get();
        }
        assertThat(readAll(inode, threads * part, 777_777)).isEqualTo(Pattern.bytes(31, 0, threads * part));
    }

    private byte[] readAll(long inode, int length, int step) throws Exception {
        try (FileHandle h = client.open(ME, inode, false)) {
            assertThat(h.length()).isEqualTo(length);
            byte[] out = new byte[length];
            int pos = 0;
            while (pos < length) {
                int n = h.read(pos, out, pos, Math.min(step, length - pos));
                assertThat(n).isPositive();
                pos += n;
            }
            assertThat(h.read(length, new byte[1], 0, 1)).isEqualTo(-1);
            return out;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(FileHandle h, long pos, int len) throws Exception {
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            int n = h.read(pos + done, out, done, len - done);
            assertThat(n).as("read at %d", pos + done).isPositive();
            done += n;
        }
        return out;
    }
}
