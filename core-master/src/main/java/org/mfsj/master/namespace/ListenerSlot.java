package org.mfsj.master.namespace;

/**
 * The listener the ops were wired with; it forwards to whichever listener is set now, so the
 * registry can be plugged in after the namespace (and its ops) were built.
 */
final class ListenerSlot implements ChunkListener {
    private ChunkListener target = ChunkListener.NONE;

    void set(ChunkListener listener) {
        target = listener == null ? ChunkListener.NONE : listener;
    }

    @Override
    public void onChunkUnreferenced(long chunkId) {
        target.onChunkUnreferenced(chunkId);
    }

    @Override
    public void onChunkReferenced(long chunkId) {
        target.onChunkReferenced(chunkId);
    }

    @Override
    public void onGoalChanged(long chunkId, int goal) {
        target.onGoalChanged(chunkId, goal);
    }
}
