package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.chunkserver.store.ChunkStoreReadWriteTest.assertStatus;
import static org.mfsj.chunkserver.store.TestData.bytes;
import static org.mfsj.chunkserver.store.TestData.read;
import static org.mfsj.chunkserver.store.TestData.write;
import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;
import static org.mfsj.common.types.ChunkGeometry.CHUNK_SIZE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;

class ChunkStoreLifecycleTest {
    @TempDir
    Path diskA;
    @TempDir
    Path diskB;

    private ChunkStore open(Path... disks) {
        return ChunkStore.open(Arrays.stream(disks).map(DiskSpec::of).toList());
    }

    @Test
    void reopenSeesTheSameChunksVersionsAndLengths() throws Exception {
        try (ChunkStore store = open(diskA, diskB)) {
            for (long id = 1; id <= 6; id++) {
                store.create(id, 1);
                write(store, id, 1, 0, bytes(id, (int) id * 10_000));
            }
            store.setVersion(3, 1, 7);
            store.flush(3);
        }
        try (ChunkStore store = open(diskA, diskB)) {
            assertThat(store.chunks()).containsExactlyInAnyOrder(new ChunkInfo(1, 1, 10_000),
                    new ChunkInfo(2, 1, 20_000), new ChunkInfo(3, 7, 30_000), new ChunkInfo(4, 1, 40_000),
                    new ChunkInfo(5, 1, 50_000), new ChunkInfo(6, 1, 60_000));
            assertThat(read(store, 3, 7, 0, CHUNK_SIZE)).isEqualTo(bytes(3, 30_000));
            assertStatus(() -> read(store, 3, 1, 0, 10), Status.WRONG_VERSION);
            assertThat(store.disks()).extracting(DiskInfo::chunkCount).containsExactly(3, 3);
        }
    }

    @Test
    void setVersionRenamesAndChecksTheOldVersion() throws Exception {
        try (ChunkStore store = open(diskA)) {
            store.create(0xAB, 5);
            write(store, 0xAB, 5, 0, bytes(1, 100));
            assertStatus(() -> store.setVersion(0xAB, 4, 6), Status.WRONG_VERSION);
            store.setVersion(0xAB, 5, 6);
            assertThat(store.info(0xAB)).isEqualTo(new ChunkInfo(0xAB, 6, 100));
            assertThat(Files.exists(ChunkPaths.file(diskA, 0xAB, 6))).isTrue();
            assertThat(Files.exists(ChunkPaths.file(diskA, 0xAB, 5))).isFalse();
            assertThat(read(store, 0xAB, 6, 0, 100)).isEqualTo(bytes(1, 100));
        }
    }

    @Test
    void truncateDownThenExtendReadsZeros() throws Exception {
        byte[] data = bytes(2, 3 * BLOCK_SIZE + 500);
        try (ChunkStore store = open(diskA)) {
            store.create(9, 1);
            write(store, 9, 1, 0, data);
            store.truncate(9, 1, 2, 100_000);
            assertThat(store.info(9)).isEqualTo(new ChunkInfo(9, 2, 100_000));
            assertThat(read(store, 9, 2, 0, data.length)).isEqualTo(Arrays.copyOf(data, 100_000));
            store.truncate(9, 2, 3, 5 * BLOCK_SIZE + 7);
            byte[] expected = Arrays.copyOf(Arrays.copyOf(data, 100_000), 5 * BLOCK_SIZE + 7);
            assertThat(read(store, 9, 3, 0, CHUNK_SIZE)).isEqualTo(expected);
            assertThat(Files.exists(ChunkPaths.file(diskA, 9, 1))).isFalse();
            assertThat(Files.exists(ChunkPaths.file(diskA, 9, 2))).isFalse();
        }
        try (ChunkStore store = open(diskA)) {
            assertThat(store.chunks()).containsExactly(new ChunkInfo(9, 3, 5 * BLOCK_SIZE + 7));
            byte[] expected = Arrays.copyOf(Arrays.copyOf(data, 100_000), 5 * BLOCK_SIZE + 7);
            assertThat(read(store, 9, 3, 0, CHUNK_SIZE)).isEqualTo(expected);
        }
    }

    @Test
    void truncateToZeroAndOnBlockBoundariesThenWriteAgain() throws Exception {
        try (ChunkStore store = open(diskA)) {
            store.create(4, 1);
            write(store, 4, 1, 0, bytes(3, 2 * BLOCK_SIZE));
            store.truncate(4, 1, 2, BLOCK_SIZE);
            assertThat(read(store, 4, 2, 0, CHUNK_SIZE)).isEqualTo(Arrays.copyOf(bytes(3, 2 * BLOCK_SIZE), BLOCK_SIZE));
            store.truncate(4, 2, 2, 0); // same version is allowed
            assertThat(store.info(4)).isEqualTo(new ChunkInfo(4, 2, 0));
            write(store, 4, 2, 10, bytes(4, 20));
            byte[] expected = new byte[30];
            System.arraycopy(bytes(4, 20), 0, expected, 10, 20);
            assertThat(read(store, 4, 2, 0, 100)).isEqualTo(expected);
        }
    }

    @Test
    void truncateRefusesBadVersionAndLength() throws Exception {
        try (ChunkStore store = open(diskA)) {
            store.create(4, 1);
            assertStatus(() -> store.truncate(4, 2, 3, 0), Status.WRONG_VERSION);
            assertStatus(() -> store.truncate(4, 1, 2, CHUNK_SIZE + 1), Status.OUT_OF_RANGE);
            assertStatus(() -> store.truncate(4, 1, 2, -1), Status.OUT_OF_RANGE);
            assertThat(store.info(4)).isEqualTo(new ChunkInfo(4, 1, 0));
        }
    }

    @Test
    void deleteChecksVersionUnlessZero() throws Exception {
        try (ChunkStore store = open(diskA)) {
            store.create(1, 3);
            store.create(2, 3);
            assertStatus(() -> store.delete(1, 2), Status.WRONG_VERSION);
            store.delete(1, 3);
            store.delete(2, 0);
            assertThat(store.chunks()).isEmpty();
            assertThat(Files.exists(ChunkPaths.file(diskA, 1, 3))).isFalse();
            assertStatus(() -> store.delete(1, 0), Status.NO_SUCH_CHUNK);
            assertStatus(() -> read(store, 1, 3, 0, 1), Status.NO_SUCH_CHUNK);
            store.create(1, 4); // the id is free again
            assertThat(store.info(1)).isEqualTo(new ChunkInfo(1, 4, 0));
            assertThat(store.disks().get(0).chunkCount()).isEqualTo(1);
        }
    }

    @Test
    void createTwiceIsRefused() throws Exception {
        try (ChunkStore store = open(diskA)) {
            store.create(1, 1);
            assertStatus(() -> store.create(1, 2), Status.CHUNK_EXISTS);
            assertThat(store.info(1).version()).isEqualTo(1);
        }
    }

    @Test
    void duplicatesAcrossDisksKeepTheHigherVersion() throws Exception {
        try (ChunkStore a = open(diskA)) {
            a.create(77, 2);
            write(a, 77, 2, 0, bytes(5, 10));
            a.create(78, 9);
        }
        try (ChunkStore b = open(diskB)) {
            b.create(77, 3);
            write(b, 77, 3, 0, bytes(6, 20));
            b.create(78, 8);
        }
        try (ChunkStore both = open(diskA, diskB)) {
            assertThat(both.chunks()).containsExactlyInAnyOrder(new ChunkInfo(77, 3, 20), new ChunkInfo(78, 9, 0));
            assertThat(read(both, 77, 3, 0, 100)).isEqualTo(bytes(6, 20));
            assertThat(both.disks()).extracting(DiskInfo::chunkCount).containsExactly(1, 1);
        }
        assertThat(Files.exists(ChunkPaths.file(diskA, 77, 2))).isFalse();
        assertThat(Files.exists(ChunkPaths.file(diskB, 78, 8))).isFalse();
    }

    @Test
    void crashAfterTruncateRenameKeepsTheNewVersion() throws Exception {
        Path backup = diskB.resolve("old-version");
        try (ChunkStore store = open(diskA)) {
            store.create(12, 1);
            write(store, 12, 1, 0, bytes(7, 5000));
            store.flush(12);
            Files.copy(ChunkPaths.file(diskA, 12, 1), backup);
            store.truncate(12, 1, 2, 1000);
        }
        // as if the process died between the rename and the removal of the old file
        Files.copy(backup, ChunkPaths.file(diskA, 12, 1));
        try (ChunkStore store = open(diskA)) {
            assertThat(store.chunks()).containsExactly(new ChunkInfo(12, 2, 1000));
            assertThat(read(store, 12, 2, 0, 5000)).isEqualTo(Arrays.copyOf(bytes(7, 5000), 1000));
        }
        assertThat(Files.exists(ChunkPaths.file(diskA, 12, 1))).isFalse();
    }

    @Test
    void sameDirectoryTwiceIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(diskA, diskA.resolve(".")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedStoreAnswersEio() throws Exception {
        ChunkStore store = open(diskA);
        store.create(1, 1);
        store.close();
        assertStatus(() -> read(store, 1, 1, 0, 1), Status.EIO);
        assertStatus(() -> store.create(2, 1), Status.EIO);
        store.close(); // idempotent
    }

    @Test
    void diskInfoReportsSpaceAndFlags() throws Exception {
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(diskA), new DiskSpec(diskB, true)))) {
            assertThat(store.disks()).hasSize(2);
            DiskInfo a = store.disks().get(0);
            assertThat(a.path()).isEqualTo(diskA);
            assertThat(a.totalBytes()).isPositive();
            assertThat(a.usedBytes()).isBetween(0L, a.totalBytes());
            assertThat(a.markedForRemoval()).isFalse();
            assertThat(store.disks().get(1).markedForRemoval()).isTrue();
        }
    }
}
