package org.mfsj.chunkserver.store;

import java.util.Objects;
import org.mfsj.common.types.ChunkGeometry;

/**
 * The store's knobs and seams in one place, so {@link ChunkStore#open(java.util.List, StoreOptions)}
 * does not grow an overload per test need.
 *
 * @param opener how chunk files are opened (fault injection in tests)
 * @param space how free space is measured (placement tests)
 * @param maxOpenChunks how many chunk files may stay open at once; least recently used are closed
 * @param reserveBytes a disk with less usable space than this is not given new chunks
 */
public record StoreOptions(ChannelOpener opener, SpaceProbe space, int maxOpenChunks, long reserveBytes) {
    public static final int DEFAULT_MAX_OPEN_CHUNKS = 256;
    /** One full chunk: a new chunk may grow to its maximum without hitting ENOSPC mid-write. */
    public static final long DEFAULT_RESERVE_BYTES = ChunkHeader.SIZE + (long) ChunkGeometry.CHUNK_SIZE;

    public StoreOptions {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(space, "space");
        if (maxOpenChunks < 1) {
            throw new IllegalArgumentException("maxOpenChunks must be positive: " + maxOpenChunks);
        }
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("reserveBytes must not be negative: " + reserveBytes);
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(ChannelOpener.standard(), SpaceProbe.fileStore(), DEFAULT_MAX_OPEN_CHUNKS,
                DEFAULT_RESERVE_BYTES);
    }

    public StoreOptions withOpener(ChannelOpener newOpener) {
        return new StoreOptions(newOpener, space, maxOpenChunks, reserveBytes);
    }

    public StoreOptions withSpace(SpaceProbe newSpace) {
        return new StoreOptions(opener, newSpace, maxOpenChunks, reserveBytes);
    }

    public StoreOptions withMaxOpenChunks(int limit) {
        return new StoreOptions(opener, space, limit, reserveBytes);
    }

    public StoreOptions withReserveBytes(long bytes) {
        return new StoreOptions(opener, space, maxOpenChunks, bytes);
    }
}
