package org.mfsj.master.chunks;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where new copies go: the usable servers with the most free space first, counting chunks just
 * placed (see {@link StorageServer#effectiveFreeBytes}) so consecutive chunks spread out, and
 * never two copies of one chunk on one server.
 */
public final class ChunkPlacement {
    /**
     * Most free space first, judged in whole percent of each server's space: servers whose disks
     * share one file system (a local cluster) or are equally empty tie there, and the one holding
     * fewer chunks wins, so data spreads instead of following noise in the free-byte counts.
     */
    static final Comparator<StorageServer> MOST_FREE =
            Comparator.comparingInt(ChunkPlacement::freePercent).reversed()
                    .thenComparingInt(ChunkPlacement::chunksWithPlacements)
                    .thenComparing(StorageServer::id, Long::compareUnsigned);

    private ChunkPlacement() {
    }

    /** Up to {@code goal} distinct servers for a new chunk; fewer if fewer servers can take it. */
    public static List<StorageServer> forNewChunk(Collection<StorageServer> servers, int goal) {
        return servers.stream()
                .filter(ChunkPlacement::canTakeCopy)
                .sorted(MOST_FREE)
                .limit(Math.max(goal, 0))
                .toList();
    }

    /** The best server to receive one more copy, among those {@code allowed}. */
    public static Optional<StorageServer> target(Collection<StorageServer> servers, Predicate<StorageServer> allowed) {
        return servers.stream()
                .filter(ChunkPlacement::canTakeCopy)
                .filter(allowed)
                .min(MOST_FREE);
    }

    private static int freePercent(StorageServer s) {
        long total = s.totalBytes();
        return total <= 0 ? 0 : (int) Math.max(0, s.effectiveFreeBytes() * 100 / total);
    }

    private static int chunksWithPlacements(StorageServer s) {
        return s.chunkCount() + s.placementsSinceReport();
    }

    private static boolean canTakeCopy(StorageServer s) {
        return s.usable() && s.freeBytes() > 0;
    }
}
