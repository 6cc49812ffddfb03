package org.mfsj.chunkserver.scrub;

import java.util.List;
import org.mfsj.chunkserver.store.ChunkInfo;

/**
 * Which chunk to check next: the one with the smallest id above the last one checked, wrapping
 * around. Going by id rather than by position keeps the round fair while chunks come and go.
 */
final class ScrubCursor {
    private boolean started;
    private long last;

    /** The next chunk of {@code chunks} (any order), or null if there are none. */
    ChunkInfo next(List<ChunkInfo> chunks) {
        ChunkInfo above = null;
        ChunkInfo lowest = null;
        for (ChunkInfo c : chunks) {
            if (lowest == null || Long.compareUnsigned(c.id(), lowest.id()) < 0) {
                lowest = c;
            }
            if ((!started || Long.compareUnsigned(c.id(), last) > 0)
                    && (above == null || Long.compareUnsigned(c.id(), above.id()) < 0)) {
                above = c;
            }
        }
        ChunkInfo pick = above != null ? above : lowest;
        if (pick != null) {
            started = true;
            last = pick.id();
        }
        return pick;
    }
}
