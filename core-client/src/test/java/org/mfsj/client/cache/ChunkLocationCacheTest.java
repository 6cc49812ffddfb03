package org.mfsj.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.ServerAddress;

class ChunkLocationCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ChunkLocationCache cache = new ChunkLocationCache(100, now::get);

    private static ChunkLocation loc(long inode, int index, int version) {
        return new ChunkLocation(inode, index, 10, 77, version, List.of(new ServerAddress("h", 1)));
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        cache.put(loc(1, 0, 1));
        now.addAndGet(99);
        assertThat(cache.get(1, 0)).isNotNull();
        now.addAndGet(1);
        assertThat(cache.get(1, 0)).isNull();
    }

    @Test
    void forgettingAStaleEntryKeepsAFresherOne() {
        ChunkLocation old = loc(1, 0, 1);
        cache.put(old);
        cache.put(loc(1, 0, 2));
        cache.invalidate(old);
        assertThat(cache.get(1, 0).version()).isEqualTo(2);
        cache.invalidate(loc(1, 0, 2));
        assertThat(cache.get(1, 0)).isNull();
    }

    @Test
    void invalidatingAnInodeDropsAllItsChunks() {
        cache.put(loc(1, 0, 1));
        cache.put(loc(1, 1, 1));
        cache.put(loc(2, 0, 1));
        cache.invalidateInode(1);
        assertThat(cache.get(1, 0)).isNull();
        assertThat(cache.get(1, 1)).isNull();
        assertThat(cache.get(2, 0)).isNotNull();
    }

    @Test
    void aPutPastTheSweepThresholdDropsExpiredEntriesOfOtherFiles() {
        for (int inode = 1; inode <= 10_001; inode++) {
            cache.put(loc(inode, 0, 1));
        }
        now.addAndGet(100);
        cache.put(loc(20_000, 0, 1));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(20_000, 0)).isNotNull();
    }

    @Test
    void anEmptiedFileLeavesNothingBehind() {
        cache.put(loc(1, 0, 1));
        cache.invalidate(1, 0);
        cache.put(loc(2, 0, 1));
        cache.invalidate(loc(2, 0, 1));
        assertThat(cache.size()).isZero();
    }
}
