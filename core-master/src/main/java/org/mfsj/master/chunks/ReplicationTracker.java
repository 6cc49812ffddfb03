package org.mfsj.master.chunks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replications sent and not yet answered: per chunk (so a copy on its way is not ordered twice)
 * and per server (for the read and write limits).
 */
public final class ReplicationTracker {
    /** One replication in flight. */
    public record Job(long chunkId, int version, StorageServer source, StorageServer target) {
    }

    private final Map<Long, List<Job>> byChunk = new HashMap<>();
    private final Map<StorageServer, Integer> writes = new HashMap<>();
    private final Map<StorageServer, Integer> reads = new HashMap<>();

    public void start(Job job) {
        byChunk.computeIfAbsent(job.chunkId(), k -> new ArrayList<>(2)).add(job);
        writes.merge(job.target(), 1, Integer::sum);
        reads.merge(job.source(), 1, Integer::sum);
    }

    public void finish(Job job) {
        List<Job> jobs = byChunk.get(job.chunkId());
        if (jobs == null || !jobs.remove(job)) {
            return;
        }
        if (jobs.isEmpty()) {
            byChunk.remove(job.chunkId());
        }
        writes.computeIfPresent(job.target(), (s, n) -> n > 1 ? n - 1 : null);
        reads.computeIfPresent(job.source(), (s, n) -> n > 1 ? n - 1 : null);
    }

    public int writesTo(StorageServer s) {
        return writes.getOrDefault(s, 0);
    }

    public int readsFrom(StorageServer s) {
        return reads.getOrDefault(s, 0);
    }

    /** Copies of the chunk on their way. */
    public int pending(long chunkId) {
        List<Job> jobs = byChunk.get(chunkId);
        return jobs == null ? 0 : jobs.size();
    }

    public boolean isTarget(long chunkId, StorageServer s) {
        return byChunk.getOrDefault(chunkId, List.of()).stream().anyMatch(j -> j.target() == s);
    }

    public boolean isSource(long chunkId, StorageServer s) {
        return byChunk.getOrDefault(chunkId, List.of()).stream().anyMatch(j -> j.source() == s);
    }

    public int size() {
        return byChunk.values().stream().mapToInt(List::size).sum();
    }
}
