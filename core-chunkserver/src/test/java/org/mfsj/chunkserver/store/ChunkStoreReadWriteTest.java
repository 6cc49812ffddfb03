package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.chunkserver.store.TestData.bytes;
import static org.mfsj.chunkserver.store.TestData.crc;
import static org.mfsj.chunkserver.store.TestData.read;
import static org.mfsj.chunkserver.store.TestData.write;
import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;
import static org.mfsj.common.types.ChunkGeometry.CHUNK_SIZE;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

class ChunkStoreReadWriteTest {
    private static final long ID = 0x1234_5678_9ABC_DEF0L;

    @TempDir
    Path disk;
    private final AtomicInteger reads = new AtomicInteger();
    private ChunkStore store;

    @BeforeEach
    void openStore() throws Exception {
        ChannelOpener counting = (p, o) -> new InstrumentedChannel(ChannelOpener.standard().open(p, o), reads,
                new AtomicBoolean());
        store = ChunkStore.open(List.of(DiskSpec.of(disk)), counting);
        store.create(ID, 1);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void alignedBlocksRoundTrip() throws Exception {
        byte[] data = bytes(1, 4 * BLOCK_SIZE);
        for (int b = 0; b < 4; b++) {
            store.write(ID, 1, b * BLOCK_SIZE, data, b * BLOCK_SIZE, BLOCK_SIZE,
                    crc(data, b * BLOCK_SIZE, BLOCK_SIZE));
        }
        assertThat(read(store, ID, 1, 0, data.length)).isEqualTo(data);
        assertThat(store.info(ID)).isEqualTo(new ChunkInfo(ID, 1, data.length));
    }

    @Test
    void alignedWritesNeverReadTheOldBlock() throws Exception {
        byte[] block = bytes(2, BLOCK_SIZE);
        reads.set(0);
        for (int b = 0; b < 16; b++) {
            write(store, ID, 1, b * BLOCK_SIZE, block);
        }
        // overwriting whole blocks, and a multi-block write, must not read either
        write(store, ID, 1, 3 * BLOCK_SIZE, block);
        write(store, ID, 1, 0, bytes(3, 3 * BLOCK_SIZE));
        assertThat(reads.get()).isZero();
    }

    @Test
    void partialWriteReadsAndChecksTheOldBlock() throws Exception {
        write(store, ID, 1, 0, bytes(4, BLOCK_SIZE));
        reads.set(0);
        write(store, ID, 1, 100, bytes(5, 10));
        assertThat(reads.get()).isPositive();
    }

    @Test
    void unalignedWritesRoundTrip() throws Exception {
        byte[] model = new byte[3 * BLOCK_SIZE];
        byte[] a = bytes(6, BLOCK_SIZE + 777);
        byte[] b = bytes(7, 50_000);
        write(store, ID, 1, 0, a);
        System.arraycopy(a, 0, model, 0, a.length);
        write(store, ID, 1, BLOCK_SIZE - 10_000, b);
        System.arraycopy(b, 0, model, BLOCK_SIZE - 10_000, b.length);
        int length = Math.max(a.length, BLOCK_SIZE - 10_000 + b.length);
        assertThat(read(store, ID, 1, 0, 3 * BLOCK_SIZE)).isEqualTo(Arrays.copyOf(model, length));
        assertThat(read(store, ID, 1, 12_345, 70_000)).isEqualTo(Arrays.copyOfRange(model, 12_345, 82_345));
    }

    @Test
    void aGapInsideAPartlyWrittenBlockReadsAsZerosAfterAnotherBlocksPartialWrite() throws Exception {
        // fills this thread's scratch block with non-zero bytes: an overwrite inside a full block
        write(store, ID, 1, 0, bytes(3, BLOCK_SIZE));
        write(store, ID, 1, 100, bytes(4, 50));
        store.create(ID + 1, 1);
        byte[] head = bytes(5, 10);
        byte[] tail = bytes(6, 100);
        write(store, ID + 1, 1, 0, head);
        // extends the same block past a gap: [10, 1000) must be zeros, and the block's CRC say so
        write(store, ID + 1, 1, 1000, tail);
        byte[] expected = new byte[1100];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(tail, 0, expected, 1000, tail.length);
        assertThat(read(store, ID + 1, 1, 0, 2000)).isEqualTo(expected);
    }

    @Test
    void writeFromTheMiddleOfAnArray() throws Exception {
        byte[] src = bytes(8, 1000);
        store.write(ID, 1, 5, src, 100, 300, crc(src, 100, 300));
        byte[] expected = new byte[305];
        System.arraycopy(src, 100, expected, 5, 300);
        assertThat(read(store, ID, 1, 0, 1000)).isEqualTo(expected);
        byte[] dst = new byte[50];
        assertThat(store.read(ID, 1, 5, dst, 10, 40)).isEqualTo(40);
        assertThat(Arrays.copyOfRange(dst, 10, 50)).isEqualTo(Arrays.copyOfRange(src, 100, 140));
    }

    @Test
    void aRunOfWholeBlocksIsOneReadIntoADirectBuffer() throws Exception {
        byte[] data = bytes(9, 5 * BLOCK_SIZE - 300);
        write(store, ID, 1, 0, data);
        ByteBuffer dst = ByteBuffer.allocateDirect(8 * BLOCK_SIZE);
        dst.position(17).limit(17 + 4 * BLOCK_SIZE);
        reads.set(0);
        assertThat(store.read(ID, 1, BLOCK_SIZE, dst)).isEqualTo(4 * BLOCK_SIZE - 300);
        assertThat(reads.get()).isEqualTo(1);
        assertThat(dst.position()).isEqualTo(17);
        byte[] got = new byte[4 * BLOCK_SIZE - 300];
        dst.get(17, got);
        assertThat(got).isEqualTo(Arrays.copyOfRange(data, BLOCK_SIZE, data.length));

        // unaligned at both ends: a scratch block each end, the whole blocks between in one read
        reads.set(0);
        dst.clear();
        int off = 1000;
        int len = 3 * BLOCK_SIZE + 500;
        dst.limit(len);
        assertThat(store.read(ID, 1, off, dst)).isEqualTo(len);
        assertThat(reads.get()).isEqualTo(3);
        got = new byte[len];
        dst.get(0, got);
        assertThat(got).isEqualTo(Arrays.copyOfRange(data, off, off + len));
    }

    @Test
    void writingPastTheEndZeroFillsTheGap() throws Exception {
        byte[] head = bytes(9, 1000);
        byte[] tail = bytes(10, 500);
        write(store, ID, 1, 0, head);
        int tailAt = 3 * BLOCK_SIZE + 123;
        write(store, ID, 1, tailAt, tail);
        byte[] expected = new byte[tailAt + tail.length];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(tail, 0, expected, tailAt, tail.length);
        assertThat(read(store, ID, 1, 0, expected.length)).isEqualTo(expected);
        assertThat(read(store, ID, 1, 2 * BLOCK_SIZE, BLOCK_SIZE)).isEqualTo(new byte[BLOCK_SIZE]);
    }

    @Test
    void randomWritesMatchAnInMemoryModel() throws Exception {
        Random rnd = new Random(42);
        int span = 6 * BLOCK_SIZE;
        byte[] model = new byte[span];
        int length = 0;
        for (int i = 0; i < 300; i++) {
            int off = rnd.nextInt(span);
            int len = rnd.nextInt(Math.min(span - off, 2 * BLOCK_SIZE) + 1);
            if (rnd.nextInt(4) == 0 && (off / BLOCK_SIZE) * BLOCK_SIZE + BLOCK_SIZE <= span) {
                off = (off / BLOCK_SIZE) * BLOCK_SIZE; // some whole aligned blocks too
                len = BLOCK_SIZE;
            }
            byte[] data = bytes(1000 + i, len);
            write(store, ID, 1, off, data);
            System.arraycopy(data, 0, model, off, len);
            length = len == 0 ? length : Math.max(length, off + len);
            int rOff = rnd.nextInt(span);
            int rLen = rnd.nextInt(span - rOff + 1);
            int expected = Math.max(0, Math.min(rLen, length - rOff));
            assertThat(read(store, ID, 1, rOff, rLen)).isEqualTo(Arrays.copyOfRange(model, rOff, rOff + expected));
        }
        assertThat(store.info(ID).length()).isEqualTo(length);
        store.close();
        store = ChunkStore.open(List.of(DiskSpec.of(disk)));
        assertThat(read(store, ID, 1, 0, span)).isEqualTo(Arrays.copyOf(model, length));
    }

    @Test
    void lastBlockOfTheChunkIsWritable() throws Exception {
        byte[] data = bytes(11, 3000);
        write(store, ID, 1, CHUNK_SIZE - data.length, data);
        assertThat(store.info(ID).length()).isEqualTo(CHUNK_SIZE);
        assertThat(read(store, ID, 1, CHUNK_SIZE - data.length, data.length)).isEqualTo(data);
        assertThat(read(store, ID, 1, CHUNK_SIZE - BLOCK_SIZE - 10, 10)).isEqualTo(new byte[10]);
    }

    @Test
    void shortAndEmptyReads() throws Exception {
        byte[] data = bytes(12, 1000);
        write(store, ID, 1, 0, data);
        byte[] buf = new byte[4096];
        assertThat(store.read(ID, 1, 900, buf, 0, 4096)).isEqualTo(100);
        assertThat(store.read(ID, 1, 1000, buf, 0, 4096)).isZero();
        assertThat(store.read(ID, 1, 5000, buf, 0, 4096)).isZero();
        assertThat(store.read(ID, 1, 10, buf, 0, 0)).isZero();
        assertThat(store.read(ID, 1, CHUNK_SIZE, buf, 0, 0)).isZero();
    }

    @Test
    void emptyChunkReadsNothing() throws Exception {
        assertThat(store.read(ID, 1, 0, new byte[10], 0, 10)).isZero();
        assertThat(store.info(ID)).isEqualTo(new ChunkInfo(ID, 1, 0));
    }

    @Test
    void outOfRangeRequestsAreRefused() {
        byte[] buf = new byte[10];
        assertStatus(() -> store.read(ID, 1, -1, buf, 0, 1), Status.OUT_OF_RANGE);
        assertStatus(() -> store.read(ID, 1, CHUNK_SIZE - 5, buf, 0, 10), Status.OUT_OF_RANGE);
        assertStatus(() -> store.read(ID, 1, 0, buf, 0, -1), Status.OUT_OF_RANGE);
        assertStatus(() -> store.write(ID, 1, CHUNK_SIZE, buf, 0, 1, crc(buf, 0, 1)), Status.OUT_OF_RANGE);
        assertThatThrownBy(() -> store.read(ID, 1, 0, buf, 5, 10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void wrongVersionAndUnknownChunk() {
        byte[] buf = new byte[10];
        assertStatus(() -> store.read(ID, 2, 0, buf, 0, 10), Status.WRONG_VERSION);
        assertStatus(() -> store.write(ID, 2, 0, buf, 0, 10, crc(buf)), Status.WRONG_VERSION);
        assertStatus(() -> store.read(ID + 1, 1, 0, buf, 0, 10), Status.NO_SUCH_CHUNK);
        assertStatus(() -> store.info(ID + 1), Status.NO_SUCH_CHUNK);
    }

    @Test
    void wrongIncomingCrcIsRejectedAndNothingWritten() throws Exception {
        byte[] old = bytes(13, BLOCK_SIZE);
        write(store, ID, 1, 0, old);
        byte[] fresh = bytes(14, BLOCK_SIZE + 10);
        assertStatus(() -> store.write(ID, 1, 10, fresh, 0, fresh.length, crc(fresh) ^ 1), Status.CRC_ERROR);
        assertThat(store.info(ID).length()).isEqualTo(BLOCK_SIZE);
        assertThat(read(store, ID, 1, 0, 2 * BLOCK_SIZE)).isEqualTo(old);
    }

    static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Status status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
