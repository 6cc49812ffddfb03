package org.mfsj.nfs.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;

class AttrCacheTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AttrCache cache = new AttrCache(Duration.ofSeconds(1), clock::get);

    private static Attr attr(long inode, long length) {
        return new Attr(inode, FileType.FILE, 0644, 0, 0, 1, 2, 3, 1, length, 0, 1, 1);
    }

    @Test
    void keepsAttributesForItsTimeOnly() {
        cache.put(attr(5, 10), cache.now());
        assertThat(cache.fresh(5).length()).isEqualTo(10);
        clock.addAndGet(999_999_999);
        assertThat(cache.fresh(5)).isNotNull();
        clock.addAndGet(1);
        assertThat(cache.fresh(5)).isNull();
        assertThat(cache.fresh(6)).isNull();
    }

    @Test
    void anAnswerToAnOlderQuestionNeverHidesANewerOne() {
        long early = cache.now();
        clock.addAndGet(10);
        cache.put(attr(5, 20), cache.now());
        cache.put(attr(5, 10), early);
        assertThat(cache.fresh(5).length()).isEqualTo(20);
    }

    @Test
    void aForgottenInodeRefusesAnswersAskedBeforeIt() {
        long asked = cache.now();
        clock.addAndGet(10);
        cache.put(attr(5, 10), asked - 5);
        cache.forget(5);
        // a slow reply to a question asked before the change
        cache.put(attr(5, 10), asked);
        assertThat(cache.fresh(5)).isNull();
        clock.addAndGet(10);
        cache.put(attr(5, 30), cache.now());
        assertThat(cache.fresh(5).length()).isEqualTo(30);
    }

    @Test
    void aZeroTimeKeepsNothing() {
        AttrCache off = new AttrCache(Duration.ZERO, clock::get);
        off.put(attr(5, 10), off.now());
        assertThat(off.fresh(5)).isNull();
    }
}
