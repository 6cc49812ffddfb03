package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.chunkserver.store.ChunkStoreReadWriteTest.assertStatus;
import static org.mfsj.chunkserver.store.TestData.bytes;
import static org.mfsj.chunkserver.store.TestData.read;
import static org.mfsj.chunkserver.store.TestData.write;
import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;

class ChunkStoreDamageTest {
    @TempDir
    Path disk;

    private ChunkStore open() {
        return ChunkStore.open(List.of(DiskSpec.of(disk)));
    }

    private static void flipByte(Path file, long position) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x40);
        }
    }

    @Test
    void flippedDataByteIsDetectedOnRead() throws Exception {
        byte[] data = bytes(1, 3 * BLOCK_SIZE);
        try (ChunkStore store = open()) {
            store.create(1, 1);
            write(store, 1, 1, 0, data);
            flipByte(ChunkPaths.file(disk, 1, 1), ChunkHeader.SIZE + BLOCK_SIZE + 1234);
            assertStatus(() -> read(store, 1, 1, BLOCK_SIZE + 1000, 10), Status.CRC_ERROR);
            assertStatus(() -> read(store, 1, 1, 0, data.length), Status.CRC_ERROR);
            // the other blocks are still served, and a bad block does not drop the chunk
            assertThat(read(store, 1, 1, 0, BLOCK_SIZE)).isEqualTo(java.util.Arrays.copyOf(data, BLOCK_SIZE));
            assertThat(read(store, 1, 1, 2 * BLOCK_SIZE, BLOCK_SIZE))
                    .isEqualTo(java.util.Arrays.copyOfRange(data, 2 * BLOCK_SIZE, 3 * BLOCK_SIZE));
            assertThat(store.chunks()).containsExactly(new ChunkInfo(1, 1, data.length));
        }
    }

    @Test
    void corruptionIsAlsoFoundAfterReopen() throws Exception {
        try (ChunkStore store = open()) {
            store.create(1, 1);
            write(store, 1, 1, 0, bytes(2, 1000));
        }
        flipByte(ChunkPaths.file(disk, 1, 1), ChunkHeader.SIZE + 999);
        try (ChunkStore store = open()) {
            assertStatus(() -> read(store, 1, 1, 0, 10), Status.CRC_ERROR);
        }
    }

    @Test
    void partialWriteIntoACorruptBlockIsRefusedAndWritesNothing() throws Exception {
        byte[] data = bytes(3, BLOCK_SIZE);
        try (ChunkStore store = open()) {
            store.create(1, 1);
            write(store, 1, 1, 0, data);
            Path file = ChunkPaths.file(disk, 1, 1);
            flipByte(file, ChunkHeader.SIZE + 5);
            byte[] before = Files.readAllBytes(file);
            assertStatus(() -> write(store, 1, 1, 100, bytes(4, 10)), Status.CRC_ERROR);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            // a whole-block write replaces the bad block without reading it
            write(store, 1, 1, 0, data);
            assertThat(read(store, 1, 1, 0, BLOCK_SIZE)).isEqualTo(data);
        }
    }

    @Test
    void headerNameMismatchIsTreatedAsDamaged() throws Exception {
        try (ChunkStore store = open()) {
            store.create(0x101, 1);
            write(store, 0x101, 1, 0, bytes(5, 100));
            store.create(0x201, 1);
        }
        // a file claiming to be chunk 0x201 v2 whose header says 0x101 v1
        Files.delete(ChunkPaths.file(disk, 0x201, 1));
        Files.move(ChunkPaths.file(disk, 0x101, 1), ChunkPaths.file(disk, 0x201, 2));
        try (ChunkStore store = open()) {
            assertThat(store.chunks()).containsExactly(new ChunkInfo(0x201, 2, 100)); // the scan trusts names
            assertStatus(() -> read(store, 0x201, 2, 0, 10), Status.CRC_ERROR);
            assertThat(store.chunks()).isEmpty();
            assertStatus(() -> store.info(0x201), Status.NO_SUCH_CHUNK);
            assertThat(Files.exists(ChunkPaths.file(disk, 0x201, 2))).isFalse();
            assertThat(store.disks().get(0).chunkCount()).isZero();
        }
    }

    @Test
    void versionOnlyMismatchIsDamagedToo() throws Exception {
        try (ChunkStore store = open()) {
            store.create(3, 1);
        }
        Files.move(ChunkPaths.file(disk, 3, 1), ChunkPaths.file(disk, 3, 2));
        try (ChunkStore store = open()) {
            assertStatus(() -> store.setVersion(3, 2, 3), Status.CRC_ERROR);
            assertThat(store.chunks()).isEmpty();
        }
    }

    @Test
    void scribbledHeaderIsDamaged() throws Exception {
        try (ChunkStore store = open()) {
            store.create(3, 1);
            write(store, 3, 1, 0, bytes(6, 10));
        }
        flipByte(ChunkPaths.file(disk, 3, 1), 20); // inside the id, caught by the header checksum
        try (ChunkStore store = open()) {
            assertStatus(() -> read(store, 3, 1, 0, 10), Status.CRC_ERROR);
            assertThat(store.chunks()).isEmpty();
        }
    }

    @Test
    void scanRemovesLeftoversAndLeavesForeignFilesAlone() throws Exception {
        try (ChunkStore store = open()) {
            store.create(0x42, 1);
        }
        Path sub = ChunkPaths.file(disk, 0x42, 1).getParent();
        Path tooShort = ChunkPaths.file(disk, 0x142, 1);
        Files.write(tooShort, new byte[100]);
        Path tmp = ChunkPaths.tmpFile(disk, 0x42, 2);
        Files.write(tmp, new byte[ChunkHeader.SIZE]);
        Path foreign = sub.resolve("README");
        Files.writeString(foreign, "not a chunk");
        Path misfiled = sub.resolve(ChunkPaths.fileName(0x43, 1));
        Files.write(misfiled, new byte[ChunkHeader.SIZE]);
        try (ChunkStore store = open()) {
            assertThat(store.chunks()).containsExactly(new ChunkInfo(0x42, 1, 0));
        }
        assertThat(Files.exists(tooShort)).isFalse();
        assertThat(Files.exists(tmp)).isFalse();
        assertThat(Files.exists(foreign)).isTrue();
        assertThat(Files.exists(misfiled)).as("possibly good data is never deleted").isTrue();
    }

    @Test
    void fileDeletedBehindOurBackLosesOnlyThatChunk() throws Exception {
        try (ChunkStore store = open()) {
            store.create(1, 1);
            store.create(2, 1);
        }
        try (ChunkStore store = open()) {
            Files.delete(ChunkPaths.file(disk, 1, 1));
            assertStatus(() -> read(store, 1, 1, 0, 1), Status.NO_SUCH_CHUNK);
            assertThat(store.chunks()).containsExactly(new ChunkInfo(2, 1, 0));
            assertThat(store.disks().get(0).failed()).isFalse();
        }
    }
}
