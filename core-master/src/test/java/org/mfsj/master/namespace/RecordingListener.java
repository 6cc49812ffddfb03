package org.mfsj.master.namespace;

import java.util.ArrayList;
import java.util.List;

/** Remembers every callback as a readable string, in order. */
final class RecordingListener implements ChunkListener {
    final List<Long> unreferenced = new ArrayList<>();
    final List<String> goalChanges = new ArrayList<>();
    final List<String> all = new ArrayList<>();

    @Override
    public void onChunkUnreferenced(long chunkId) {
        unreferenced.add(chunkId);
        all.add("unref " + chunkId);
    }

    @Override
    public void onChunkReferenced(long chunkId) {
        all.add("ref " + chunkId);
    }

    @Override
    public void onGoalChanged(long chunkId, int goal) {
        goalChanges.add(chunkId + "->" + goal);
        all.add("goal " + chunkId + "->" + goal);
    }
}
