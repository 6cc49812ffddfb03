package org.mfsj.master.namespace;

/**
 * What the chunk registry hears from the namespace. The registry owns chunk goals and chunk
 * lifetimes; the namespace only says which file references were dropped and which goals moved.
 *
 * <p>Called synchronously from the namespace's apply step, live and on replay alike, so a
 * registry rebuilt from image plus changelog sees the same calls. Implementations must not call
 * back into the namespace.
 */
public interface ChunkListener {
    ChunkListener NONE = new ChunkListener() {
    };

    /**
     * A file stopped referencing {@code chunkId}: its last link went, a truncate cut it off, or
     * setChunk put another chunk in its slot. One call per dropped reference.
     */
    default void onChunkUnreferenced(long chunkId) {
    }

    /** A snapshot made one more file slot reference {@code chunkId}. */
    default void onChunkReferenced(long chunkId) {
    }

    /** The goal of the file holding {@code chunkId} changed to {@code goal}. */
    default void onGoalChanged(long chunkId, int goal) {
    }
}
