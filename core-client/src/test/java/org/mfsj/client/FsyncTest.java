package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mfsj.client.fake.FakeChunkserver;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;

/** close leaves forcing to the chunkservers; fsync asks every copy of every chunk written, and fails if one is gone. */
class FsyncTest extends OnFakeCluster {

    /** A file with data in its first two chunks, written and closed. */
    private long twoChunkFile() throws Exception {
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        byte[] data = new byte[4096];
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, data, 0, data.length);
            h.write(ChunkGeometry.CHUNK_SIZE, data, 0, data.length);
        }
        return inode;
    }

    @Test
    void closeAsksNoServerToForceAndFsyncOfAnyHandleAsksEveryCopyOnce() throws Exception {
        long inode = twoChunkFile();
        assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).as("after close").isZero();
        try (FileHandle reader = client.open(ME, inode, false)) {
            reader.fsync();
            assertThat(cluster.cs(0).syncs()).as("chunks forced on server 0").isEqualTo(2);
            assertThat(cluster.cs(1).syncs()).as("chunks forced on server 1").isEqualTo(2);
            reader.fsync();
        }
        assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).as("nothing written since").isEqualTo(4);
    }

    @Test
    void anFsyncWithDataStillBufferedHasTheChainForceItAsItsSessionEndsWithNoSyncRoundTrip() throws Exception {
        long inode = client.create(ME, client.rootInode(), "g", 0644).inode();
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, new byte[4096], 0, 4096);
            h.fsync();
            assertThat(cluster.cs(0).syncedEnds() + cluster.cs(1).syncedEnds()).as("forced ends, head and next")
                    .isEqualTo(2);
            assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).as("separate syncs").isZero();
            h.fsync();
            assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).as("nothing left to force").isZero();
            // a flush alone leaves forcing to the servers, and the fsync after it asks for it
            h.write(4096, new byte[4096], 0, 4096);
            h.flush();
            h.fsync();
            assertThat(cluster.cs(0).syncedEnds() + cluster.cs(1).syncedEnds()).isEqualTo(2);
            assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).isEqualTo(2);
        }
    }

    @Test
    void aCopyOnAServerThatDiedFailsFsyncOnceThenTheOtherCopiesAreForcedAndItSucceeds() throws Exception {
        long inode = twoChunkFile();
        cluster.cs(1).stop();
        try (FileHandle h = client.open(ME, inode, true)) {
            assertThatThrownBy(h::fsync).isInstanceOf(MfsException.class)
                    .satisfies(e -> assertThat(((MfsException) e).status()).isEqualTo(Status.EIO))
                    .hasMessageContaining(cluster.cs(1).address().toString());
            assertThat(cluster.cs(0).syncs()).as("the surviving copies were forced all the same").isEqualTo(2);
            h.fsync();
        }
    }

    @Test
    void anFsyncThatFindsNothingLeftWaitsForTheOneForcingTheSameFile() throws Exception {
        long inode = twoChunkFile();
        FakeChunkserver.Hold hold = cluster.cs(0).holdSyncs();
        try (FileHandle a = client.open(ME, inode, false); FileHandle b = client.open(ME, inode, false)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> fsyncQuietly(a));
            hold.arrived().get(10, TimeUnit.SECONDS);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fsyncQuietly(b));
            assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).as("answered before the copies are forced")
                    .isInstanceOf(TimeoutException.class);
            hold.release().complete(null);
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        }
    }

    private static void fsyncQuietly(FileHandle h) {
        try {
            h.fsync();
        } catch (MfsException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fsyncWithoutWritesAsksNobody() throws Exception {
        long inode = client.create(ME, client.rootInode(), "empty", 0644).inode();
        try (FileHandle h = client.open(ME, inode, true)) {
            h.fsync();
        }
        assertThat(cluster.cs(0).syncs() + cluster.cs(1).syncs()).isZero();
    }
}
