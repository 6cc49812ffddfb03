package org.mfsj.master.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyCacheTest {
    private static List<Long> requestsOf(ReplyCache cache, long session) {
        List<Long> out = new ArrayList<>();
        cache.forEach((s, r, v) -> {
            if (s == session) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void answersEachRequestOfEachSessionApart() {
        ReplyCache cache = new ReplyCache();
        cache.put(7, 100, 5);
        cache.put(8, 100, null);
        assertThat(cache.get(7, 100)).isEqualTo(5L);
        assertThat(cache.get(8, 100)).isSameAs(ReplyCache.DONE);
        assertThat(cache.get(7, 101)).isNull();
        assertThat(cache.get(9, 100)).isNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsTheNewestRequestsOfASessionOldestFirst() {
        ReplyCache cache = new ReplyCache();
        int extra = 37;
        for (long r = 1; r <= ReplyCache.PER_SESSION + extra; r++) {
            cache.put(1, r, r);
        }
        assertThat(cache.size()).isEqualTo(ReplyCache.PER_SESSION);
        assertThat(cache.get(1, extra)).isNull();
        assertThat(cache.get(1, extra + 1)).isEqualTo((long) extra + 1);
        assertThat(cache.get(1, ReplyCache.PER_SESSION + extra)).isEqualTo((long) ReplyCache.PER_SESSION + extra);
        List<Long> order = requestsOf(cache, 1);
        assertThat(order).hasSize(ReplyCache.PER_SESSION);
        assertThat(order.get(0)).isEqualTo(extra + 1);
        assertThat(order.get(order.size() - 1)).isEqualTo(ReplyCache.PER_SESSION + extra);
        assertThat(order).isSorted();
    }

    @Test
    void aRequestAnsweredAgainKeepsItsPlaceAndTakesTheNewResult() {
        ReplyCache cache = new ReplyCache();
        cache.put(1, 10, 1);
        cache.put(1, 11, 2);
        cache.put(1, 10, 3);
        assertThat(cache.get(1, 10)).isEqualTo(3L);
        assertThat(requestsOf(cache, 1)).containsExactly(10L, 11L);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void findsRequestsNumberedOutOfOrderAcrossGrowth() {
        ReplyCache cache = new ReplyCache();
        long[] ids = {500, 3, 900, 2, 40, 41, 7, 1_000_000, 6, 5, 4, 300, 301, 302, 1, 17, 18, 19, 20, 8};
        for (long id : ids) {
            cache.put(2, id, id * 2);
        }
        for (long id : ids) {
            assertThat(cache.get(2, id)).isEqualTo(id * 2);
        }
        assertThat(cache.get(2, 999)).isNull();
        assertThat(requestsOf(cache, 2)).containsExactly(500L, 3L, 900L, 2L, 40L, 41L, 7L, 1_000_000L, 6L, 5L, 4L,
                300L, 301L, 302L, 1L, 17L, 18L, 19L, 20L, 8L);
    }

    @Test
    void restoringWhatWasVisitedRebuildsTheSameCache() {
        ReplyCache cache = new ReplyCache();
        for (long r = 1; r <= ReplyCache.PER_SESSION + 5; r++) {
            cache.put(r % 3 + 1, r, r);
        }
        ReplyCache copy = new ReplyCache();
        cache.forEach(copy::restore);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        cache.forEach((s, r, v) -> a.add(s + "/" + r + "=" + v));
        copy.forEach((s, r, v) -> b.add(s + "/" + r + "=" + v));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aSmallRingDropsItsOldestAnswerForEachNewOne() {
        RecentReplies ring = new RecentReplies(3);
        for (long r = 1; r <= 5; r++) {
            ring.put(r, r * 10);
        }
        List<Long> held = new ArrayList<>();
        ring.forEach((request, result) -> held.add(request));
        assertThat(held).containsExactly(3L, 4L, 5L);
        assertThat(ring.get(2)).isNull();
        assertThat(ring.get(3)).isEqualTo(30L);
        assertThat(ring.size()).isEqualTo(3);
    }
}
