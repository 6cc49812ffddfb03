package org.mfsj.master.chunks;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where new copies go: the usable servers with the most free space first, counting chunks just
 * placed (see {@link StorageServer#effectiveFreeBytes}) so consecutive chunks spread out, and
 * never two copies of one chunk on one server.
 */
public final class ChunkPlacement {
    private ChunkPlacement() {
    }

    /**
     * Up to {@code goal} distinct servers for a new chunk; fewer if fewer servers can take it.
     * Runs for every new chunk on the master thread, so it keeps the best few in one pass
     * instead of sorting every server.
     */
    public static List<StorageServer> forNewChunk(Collection<StorageServer> servers, int goal) {
        int want = Math.max(goal, 0);
        StorageServer[] best = new StorageServer[want];
        int kept = 0;
        for (StorageServer s : servers) {
            if (!canTakeCopy(s)) {
                continue;
            }
            if (kept < want) {
                insertSorted(best, kept++, s);
            } else if (want > 0 && compareMostFree(s, best[want - 1]) < 0) {
                insertSorted(best, want - 1, s);
            }
        }
        return List.of(kept == want ? best : Arrays.copyOf(best, kept));
    }

    /** Puts {@code s} into {@code best[0..slot]}, sorted, overwriting what {@code best[slot]} held. */
    private static void insertSorted(StorageServer[] best, int slot, StorageServer s) {
        int i = slot;
        while (i > 0 && compareMostFree(s, best[i - 1]) < 0) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = s;
    }

    /** The best server to receive one more copy, among those {@code allowed}. */
    public static Optional<StorageServer> target(Collection<StorageServer> servers, Predicate<StorageServer> allowed) {
        StorageServer best = null;
        for (StorageServer s : servers) {
            if (canTakeCopy(s) && allowed.test(s) && (best == null || compareMostFree(s, best) < 0)) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Most free space first, judged in whole percent of each server's space: servers whose disks
     * share one file system (a local cluster) or are equally empty tie there, and the one holding
     * fewer chunks wins, so data spreads instead of following noise in the free-byte counts.
     */
    private static int compareMostFree(StorageServer a, StorageServer b) {
        int byFree = Integer.compare(freePercent(b), freePercent(a));
        if (byFree != 0) {
            return byFree;
        }
        int byChunks = Integer.compare(chunksWithPlacements(a), chunksWithPlacements(b));
        return byChunks != 0 ? byChunks : Long.compareUnsigned(a.id(), b.id());
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
