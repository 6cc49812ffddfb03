package org.mfsj.master.chunks;

import org.mfsj.master.namespace.ChunkListener;

/**
 * Feeds the namespace's chunk events into the registry, which counts references: snapshots share
 * chunks between files, so a dropped reference frees a chunk only when it was the last.
 */
public final class RegistryListener implements ChunkListener {
    private final ChunkRegistry registry;

    public RegistryListener(ChunkRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onChunkUnreferenced(long chunkId) {
        registry.unreferenced(chunkId);
    }

    @Override
    public void onChunkReferenced(long chunkId) {
        registry.referenced(chunkId);
    }

    @Override
    public void onGoalChanged(long chunkId, int goal) {
        registry.setGoal(chunkId, goal);
    }
}
