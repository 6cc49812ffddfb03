package org.mfsj.master.chunks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Health of the referenced chunks: {@code byValidCopies[n]} counts chunks with n valid copies
 * (0 up to the most seen), plus how many are under and over their goal.
 */
public record ChunkStats(List<Long> byValidCopies, long chunks, long undergoal, long overgoal) {
    /** The wire list holds at most 64 counts; more copies than that land in the last bucket. */
    static final int MAX_BUCKETS = 64;

    public ChunkStats {
        byValidCopies = List.copyOf(byValidCopies);
    }

    static ChunkStats of(Collection<Chunk> all) {
        long[] hist = new long[MAX_BUCKETS];
        int top = -1;
        long total = 0;
        long under = 0;
        long over = 0;
        for (Chunk c : all) {
            if (!c.referenced()) {
                continue;
            }
            total++;
            int valid = Math.min(c.validCount(), MAX_BUCKETS - 1);
            hist[valid]++;
            top = Math.max(top, valid);
            if (c.validCount() < c.goal()) {
                under++;
            } else if (c.validCount() > c.goal()) {
                over++;
            }
        }
        List<Long> list = new ArrayList<>(top + 1);
        for (int i = 0; i <= top; i++) {
            list.add(hist[i]);
        }
        return new ChunkStats(list, total, under, over);
    }
}
