package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.client.fake.FakeCluster;
import org.mfsj.client.fake.Pattern;
import org.mfsj.common.types.Creds;

/**
 * Read-ahead for readers whose requests arrive out of order, as an NFS gateway's are (many READs
 * in flight, served by many threads), and none for a reader that jumps about.
 */
class ReadAheadOrderTest {
    private static final int MIB = 1 << 20;
    private static final int FILE_MIB = 16;
    private static final long SEED = 6;
    private static final Creds ME = new Creds(1000, 1000, new int[0]);

    private FakeCluster cluster;
    private MfsClient client;
    private long inode;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new FakeCluster(2);
        client = cluster.client();
        inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        byte[] buf = new byte[MIB];
        try (FileHandle h = client.open(ME, inode, true)) {
            for (long pos = 0; pos < (long) FILE_MIB * MIB; pos += MIB) {
                Pattern.fill(SEED, pos, buf, 0, MIB);
                h.write(pos, buf, 0, MIB);
            }
        }
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void aSequentialReaderOutOfOrderIsStillReadAheadOnceAndOnlyOnce() throws Exception {
        int[] order = new int[FILE_MIB];
        int[] group = {2, 0, 3, 1};
        for (int i = 0; i < FILE_MIB; i++) {
            order[i] = i / 4 * 4 + group[i % 4];
        }
        long readsBefore = client.metrics().chunkReads();
        readInOrder(order, MIB);
        assertThat(client.metrics().readAheadBytes()).as("bytes fetched ahead")
                .isGreaterThan((long) FILE_MIB * MIB / 2);
        assertThat(client.metrics().readAheadBytes()).as("nothing fetched twice").isLessThanOrEqualTo((long) FILE_MIB * MIB);
        // reads go out in segments of 256 KiB, four to a MiB; the first few MiB before the stream is seen go direct
        assertThat(client.metrics().chunkReads() - readsBefore).as("chunk reads for %d MiB", FILE_MIB)
                .isLessThanOrEqualTo(4L * (FILE_MIB + 4));
    }

    @Test
    void aReaderJumpingAboutFetchesNothingAhead() throws Exception {
        int[] order = new int[FILE_MIB];
        for (int i = 0; i < FILE_MIB; i++) {
            order[i] = i * 9 % FILE_MIB;  // every step 9 MiB on or 7 back: never near the last
        }
        readInOrder(order, MIB / 2);  // half of each MiB: no read borders another
        assertThat(client.metrics().readAheadBytes()).isZero();
    }

    @Test
    void aRandomReaderOfASmallFileDoesNotTalkItselfIntoAGrowingWindow() throws Exception {
        java.util.Random rnd = new java.util.Random(6);
        byte[] got = new byte[4096];
        byte[] want = new byte[4096];
        int reads = 400;
        try (FileHandle h = client.open(ME, inode, false)) {
            for (int i = 0; i < reads; i++) {
                long pos = (long) rnd.nextInt(FILE_MIB * MIB / 4096) * 4096;
                assertThat(h.read(pos, got, 0, got.length)).isEqualTo(got.length);
                Pattern.fill(SEED, pos, want, 0, want.length);
                assertThat(Arrays.equals(got, want)).as("bytes at %d", pos).isTrue();
            }
        }
        // in a file this small two reads in a row land near each other now and then and start a
        // prefetch; starting one at every such read, or letting the window widen what counts as
        // near, fetched the file many times over
        assertThat(client.metrics().readAheadBytes()).as("bytes fetched ahead for %d random reads", reads)
                .isLessThanOrEqualTo(2L * FILE_MIB * MIB);
    }

    private void readInOrder(int[] mibs, int length) throws Exception {
        byte[] got = new byte[length];
        byte[] want = new byte[length];
        try (FileHandle h = client.open(ME, inode, false)) {
            for (int m : mibs) {
                long pos = (long) m * MIB;
                assertThat(h.read(pos, got, 0, length)).isEqualTo(length);
                Pattern.fill(SEED, pos, want, 0, length);
                assertThat(Arrays.equals(got, want)).as("bytes at MiB %d", m).isTrue();
            }
        }
    }
}
