package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfsj.client.fake.Pattern;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.LeakWatch;
import org.mfsj.common.wire.client2master.WriteChunkEnd;

/** Chunkservers that fail: a bad copy on read, a chain member dying mid-write. */
@ExtendWith(LeakWatch.class)
class FailoverTest extends OnFakeCluster {

    private long writeFile(String name, long seed, int size) throws Exception {
        long inode = client.create(ME, client.rootInode(), name, 0644).inode();
        try (FileHandle h = client.open(ME, inode, true)) {
            byte[] data = Pattern.bytes(seed, 0, size);
            h.write(0, data, 0, size);
        }
        return inode;
    }

    private byte[] readBack(MfsClient c, long inode, int size) throws Exception {
        byte[] out = new byte[size];
        try (FileHandle h = c.open(ME, inode, false)) {
            int pos = 0;
            while (pos < size) {
                int n = h.read(pos, out, pos, Math.min(1 << 20, size - pos));
                assertThat(n).isPositive();
                pos += n;
            }
        }
        return out;
    }

    @Test
    void aCopyAnsweringCrcErrorMakesTheClientReadTheOther() throws Exception {
        int size = 5 << 20;
        long inode = writeFile("f", 11, size);
        // the fake master lists copies in placement order: the first server is tried first
        cluster.cs(0).failReadsWith(Status.CRC_ERROR);
        int before = cluster.cs(1).reads();

        assertThat(readBack(client, inode, size)).isEqualTo(Pattern.bytes(11, 0, size));
        assertThat(client.metrics().replicaFailovers()).isPositive();
        assertThat(cluster.cs(1).reads()).isGreaterThan(before);
    }

    @Test
    void restartedChunkserversAreReconnected() throws Exception {
        int size = 3 << 20;
        long inode = writeFile("f", 14, size);
        assertThat(readBack(client, inode, size)).isEqualTo(Pattern.bytes(14, 0, size));
        // pooled connections to both servers die; the pool must drop them and connect anew
        for (int i = 0; i < 2; i++) {
            cluster.cs(i).stop();
            cluster.cs(i).start();
        }
        assertThat(readBack(client, inode, size)).isEqualTo(Pattern.bytes(14, 0, size));
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, new byte[] {1}, 0, 1);
        }
        assertThat(readBack(client, inode, 1)).containsExactly(1);
    }

    @Test
    void whenEveryCopyFailsTheReadFailsWithEio() throws Exception {
        long inode = writeFile("f", 12, 1000);
        cluster.cs(0).failReadsWith(Status.CRC_ERROR);
        cluster.cs(1).failReadsWith(Status.DISK_FAILED);
        try (FileHandle h = client.open(ME, inode, false)) {
            assertThatThrownBy(() -> h.read(0, new byte[1000], 0, 1000))
                    .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EIO));
        }
    }

    @Test
    void aChainDyingMidWriteIsRedoneAndNothingIsLost() throws Exception {
        int size = 12 << 20;
        // the second server of the chain dies on the 5th piece of data it is forwarded
        cluster.cs(1).dieAfterWrites(4);
        long inode = writeFile("f", 13, size);

        assertThat(client.metrics().writeRedos()).isPositive();
        assertThat(cluster.cs(1).isUp()).isFalse();
        assertThat(cluster.master.chunkEnds).extracting(WriteChunkEnd::writeStatus).contains(Status.DISCONNECTED);
        assertThat(client.getattr(inode).length()).isEqualTo(size);
        assertThat(readBack(client, inode, size)).isEqualTo(Pattern.bytes(13, 0, size));
        // and a fresh client, with nothing cached or buffered, reads the same from the surviving copy
        assertThat(readBack(cluster.client(), inode, size)).isEqualTo(Pattern.bytes(13, 0, size));
    }
}
