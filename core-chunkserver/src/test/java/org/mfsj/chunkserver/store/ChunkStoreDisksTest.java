package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.chunkserver.store.ChunkStoreReadWriteTest.assertStatus;
import static org.mfsj.chunkserver.store.TestData.bytes;
import static org.mfsj.chunkserver.store.TestData.read;
import static org.mfsj.chunkserver.store.TestData.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;

/** Placement over several disks, draining, and disk failure through the injected opener. */
class ChunkStoreDisksTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path a;
    @TempDir
    Path b;
    @TempDir
    Path c;

    private final List<Path> failedDisks = new ArrayList<>();
    private final List<List<Long>> lostIds = new ArrayList<>();

    private Path diskOf(ChunkStore store, long id) throws Exception {
        int version = store.info(id).version();
        for (Path d : List.of(a, b, c)) {
            if (Files.exists(ChunkPaths.file(d, id, version))) {
                return d;
            }
        }
        throw new AssertionError("chunk " + id + " is on no disk");
    }

    @Test
    void chunksSpreadOverDisksSharingOneFileSystem() throws Exception {
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b), DiskSpec.of(c)))) {
            for (long id = 1; id <= 9; id++) {
                store.create(id, 1);
            }
            assertThat(store.disks()).extracting(DiskInfo::chunkCount).containsExactly(3, 3, 3);
        }
    }

    @Test
    void newChunksGoToTheDiskWithTheMostFreeSpace() throws Exception {
        FakeSpace space = new FakeSpace().set(a, 10 * GIB).set(b, 50 * GIB).set(c, 20 * GIB);
        StoreOptions options = StoreOptions.defaults().withSpace(space);
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b), DiskSpec.of(c)), options)) {
            store.create(1, 1);
            assertThat(diskOf(store, 1)).isEqualTo(b);
            space.set(b, 5 * GIB);
            store.create(2, 1);
            assertThat(diskOf(store, 2)).isEqualTo(c);
            assertThat(store.disks()).extracting(DiskInfo::usedBytes)
                    .containsExactly(FakeSpace.TOTAL - 10 * GIB, FakeSpace.TOTAL - 5 * GIB, FakeSpace.TOTAL - 20 * GIB);
        }
    }

    @Test
    void diskMarkedForRemovalIsReadableButNeverChosen() throws Exception {
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a)))) {
            store.create(1, 1);
            write(store, 1, 1, 0, bytes(1, 100));
        }
        FakeSpace space = new FakeSpace().set(a, 900 * GIB).set(b, 10 * GIB);
        StoreOptions options = StoreOptions.defaults().withSpace(space);
        try (ChunkStore store = ChunkStore.open(List.of(new DiskSpec(a, true), DiskSpec.of(b)), options)) {
            for (long id = 2; id <= 5; id++) {
                store.create(id, 1);
                assertThat(diskOf(store, id)).isEqualTo(b);
            }
            assertThat(read(store, 1, 1, 0, 100)).isEqualTo(bytes(1, 100));
            assertThat(store.disks().get(0).markedForRemoval()).isTrue();
            space.set(b, 10);
            assertStatus(() -> store.create(6, 1), Status.ENOSPC);
        }
    }

    @Test
    void fullDisksMeanEnospc() throws Exception {
        FakeSpace space = new FakeSpace().set(a, 1000).set(b, 2000);
        StoreOptions options = StoreOptions.defaults().withSpace(space);
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)), options)) {
            assertStatus(() -> store.create(1, 1), Status.ENOSPC);
            assertThat(store.chunks()).isEmpty();
        }
    }

    @Test
    void failingDiskIsDroppedAndOthersKeepServing() throws Exception {
        List<Long> onB = new ArrayList<>();
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)))) {
            for (long id = 1; id <= 8; id++) {
                store.create(id, 1);
                write(store, id, 1, 0, bytes(id, 5000));
                if (diskOf(store, id).equals(b)) {
                    onB.add(id);
                }
            }
        }
        assertThat(onB).isNotEmpty().hasSizeLessThan(8);
        ChannelOpener brokenB = (p, o) -> {
            if (p.startsWith(b)) {
                throw new IOException("Input/output error (injected)");
            }
            return ChannelOpener.standard().open(p, o);
        };
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)), brokenB)) {
            store.setDiskFailureListener((disk, lost) -> {
                failedDisks.add(disk);
                lostIds.add(lost);
            });
            long victim = onB.get(0);
            assertStatus(() -> read(store, victim, 1, 0, 10), Status.DISK_FAILED);
            assertThat(failedDisks).containsExactly(b);
            assertThat(lostIds.get(0)).containsExactlyInAnyOrderElementsOf(onB);
            assertThat(store.chunks()).extracting(ChunkInfo::id).doesNotContainAnyElementsOf(onB).hasSize(8 - onB.size());
            for (ChunkInfo ci : store.chunks()) {
                assertThat(read(store, ci.id(), 1, 0, 5000)).isEqualTo(bytes(ci.id(), 5000));
            }
            assertStatus(() -> read(store, victim, 1, 0, 10), Status.NO_SUCH_CHUNK);
            assertThat(store.disks().get(1).failed()).isTrue();
            assertThat(store.disks().get(1).chunkCount()).isZero();
            store.create(100, 1);
            assertThat(diskOf(store, 100)).isEqualTo(a);
            assertThat(failedDisks).as("the listener hears of a disk once").hasSize(1);
        }
    }

    @Test
    void writeErrorMidSessionFailsTheDisk() throws Exception {
        Map<Path, AtomicBoolean> broken = new ConcurrentHashMap<>(Map.of(a, new AtomicBoolean(), b, new AtomicBoolean()));
        AtomicInteger reads = new AtomicInteger();
        ChannelOpener opener = (p, o) -> new InstrumentedChannel(ChannelOpener.standard().open(p, o), reads,
                broken.get(p.startsWith(a) ? a : b));
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)), opener)) {
            store.setDiskFailureListener((disk, lost) -> {
                failedDisks.add(disk);
                lostIds.add(lost);
            });
            store.create(1, 1);
            store.create(2, 1);
            long onA = diskOf(store, 1).equals(a) ? 1 : 2;
            long onB = 3 - onA;
            broken.get(a).set(true);
            assertStatus(() -> write(store, onA, 1, 0, bytes(1, 100)), Status.DISK_FAILED);
            assertStatus(() -> write(store, onA, 1, 0, bytes(1, 100)), Status.NO_SUCH_CHUNK);
            write(store, onB, 1, 0, bytes(2, 100));
            assertThat(read(store, onB, 1, 0, 100)).isEqualTo(bytes(2, 100));
            assertThat(failedDisks).containsExactly(a);
            assertThat(lostIds).containsExactly(List.of(onA));
        }
    }

    @Test
    void allDisksFailedMeansNoCreate() throws Exception {
        ChannelOpener broken = (p, o) -> {
            throw new IOException("Input/output error (injected)");
        };
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a)), broken)) {
            assertStatus(() -> store.create(1, 1), Status.DISK_FAILED);
            assertStatus(() -> store.create(2, 1), Status.ENOSPC);
            assertThat(store.chunks()).isEmpty();
        }
    }

    @Test
    void fullDiskOrFileLimitIsNotADiskFailure() throws Exception {
        AtomicReference<String> error = new AtomicReference<>("No space left on device");
        ChannelOpener flaky = (p, o) -> {
            String m = error.get();
            if (m != null) {
                throw new IOException(m);
            }
            return ChannelOpener.standard().open(p, o);
        };
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a)), flaky)) {
            store.setDiskFailureListener((disk, lost) -> failedDisks.add(disk));
            assertStatus(() -> store.create(1, 1), Status.ENOSPC);
            error.set("Too many open files");
            assertStatus(() -> store.create(1, 1), Status.EIO);
            error.set(null);
            store.create(1, 1);
            assertThat(store.disks().get(0).failed()).isFalse();
            assertThat(failedDisks).isEmpty();
        }
    }

    @Test
    void openFilesStayBoundedAndEvictedChunksReopen() throws Exception {
        StoreOptions options = StoreOptions.defaults().withMaxOpenChunks(4);
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)), options)) {
            for (long id = 1; id <= 20; id++) {
                store.create(id, 1);
                write(store, id, 1, 0, bytes(id, 300));
                assertThat(store.openFileCount()).isLessThanOrEqualTo(4);
            }
            for (long id = 20; id >= 1; id--) {
                assertThat(read(store, id, 1, 0, 300)).isEqualTo(bytes(id, 300));
                assertThat(store.openFileCount()).isLessThanOrEqualTo(4);
            }
            store.delete(1, 1);
            assertThat(store.openFileCount()).isLessThanOrEqualTo(3);
        }
    }
}
