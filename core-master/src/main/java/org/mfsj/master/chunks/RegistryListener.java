package org.mfsj.master.chunks;

import org.mfsj.master.namespace.ChunkListener;

/**
 * Feeds the namespace's chunk events into the registry. Every chunk belongs to one file slot
 * today (hard links share the inode, not its chunks), so one dropped reference is the last one.
 * Snapshots will share chunks between files; then the registry must count references instead.
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
    public void onGoalChanged(long chunkId, int goal) {
        registry.setGoal(chunkId, goal);
    }
}
