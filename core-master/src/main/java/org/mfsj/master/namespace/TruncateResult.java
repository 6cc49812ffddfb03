package org.mfsj.master.namespace;

import java.util.List;
import org.mfsj.common.types.Attr;

/**
 * What a length change did to a file's chunks. The dropped chunks were already reported to the
 * {@link ChunkListener}. If the new end falls inside a chunk that exists, that chunk still holds
 * bytes past the end: the caller must have the chunkservers cut it to {@code cutChunkLength}
 * bytes, or a later extension would expose the old data instead of zeros.
 *
 * @param cutChunkId     the chunk that now ends mid-chunk, or 0 if none needs cutting
 * @param cutChunkLength bytes of that chunk that remain in the file (0 when cutChunkId is 0)
 */
public record TruncateResult(Attr attr, List<Long> droppedChunks, long cutChunkId, int cutChunkLength) {
    public TruncateResult {
        droppedChunks = List.copyOf(droppedChunks);
    }
}
