package org.mfsj.fuse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;

class CachesTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private static Attr attr(long inode, long length) {
        return new Attr(inode, FileType.FILE, 0644, 0, 0, 0, 0, 0, 1, length, 0, 1, 0);
    }

    @Test
    void entriesExpireAndAreDroppedByName() {
        EntryCache c = new EntryCache(100, 10, now::get);
        c.put(1, "a", 5);
        c.put(2, "a", 6);
        assertThat(c.get(1, "a")).isEqualTo(5);
        assertThat(c.get(2, "a")).isEqualTo(6);
        c.remove(1, "a");
        assertThat(c.get(1, "a")).isZero();
        now.addAndGet(100);
        assertThat(c.get(2, "a")).as("expired").isZero();
    }

    @Test
    void aFullCacheStartsOverRatherThanGrow() {
        EntryCache c = new EntryCache(100, 3, now::get);
        for (int i = 0; i < 10; i++) {
            c.put(1, "n" + i, i + 10);
        }
        assertThat(c.size()).isLessThanOrEqualTo(3);
        assertThat(c.get(1, "n9")).isEqualTo(19);
    }

    @Test
    void attributesExpireAndInvalidate() {
        AttrCache c = new AttrCache(100, 10, now::get);
        c.put(attr(5, 10));
        assertThat(c.get(5).length()).isEqualTo(10);
        c.invalidate(5);
        assertThat(c.get(5)).isNull();
        c.put(attr(5, 20));
        now.addAndGet(99);
        assertThat(c.get(5).length()).isEqualTo(20);
        now.addAndGet(1);
        assertThat(c.get(5)).isNull();
    }

    @Test
    void writesGrowACachedLengthAndInvalidatedEntriesStayVisibleToPeek() {
        AttrCache c = new AttrCache(100, 10, now::get);
        c.written(5, 50);
        assertThat(c.get(5)).as("nothing cached, nothing made up").isNull();
        c.put(attr(5, 10));
        c.written(5, 50);
        c.written(5, 20);
        assertThat(c.get(5).length()).isEqualTo(50);
        c.invalidate(5);
        assertThat(c.get(5)).isNull();
        assertThat(c.peek(5).length()).isEqualTo(50);
        now.addAndGet(100);
        assertThat(c.peek(5)).as("peek ignores age").isNotNull();
    }

    @Test
    void listingsExpireAndAListingReadAcrossAChangeIsRefused() {
        Listings l = new Listings(100, now::get);
        NameList two = NameList.of(List.of(new DirEntry("a", 5, FileType.FILE, 3, null),
                new DirEntry("b", 6, FileType.FILE, 4, null)));
        long begun = now.get();
        l.put(1, two, begun);
        assertThat(l.get(1).names()).containsExactly("a", "b");
        now.addAndGet(100);
        assertThat(l.get(1)).as("expired").isNull();
        long second = now.incrementAndGet();
        now.incrementAndGet();
        l.invalidate(1);
        l.put(1, two, second);
        assertThat(l.get(1)).as("the directory changed while it was read").isNull();
        l.put(1, two, now.incrementAndGet());
        assertThat(l.get(1).size()).isEqualTo(2);
        l.invalidate(1);
        assertThat(l.get(1)).isNull();
    }

    @Test
    void aZeroTimeoutCachesNothing() {
        AttrCache a = new AttrCache(0, 10, now::get);
        a.put(attr(5, 10));
        assertThat(a.get(5)).isNull();
        EntryCache e = new EntryCache(0, 10, now::get);
        e.put(1, "a", 5);
        assertThat(e.get(1, "a")).isZero();
    }

    @Test
    void knownNamesAnswerAbsenceUntilTheirTimeoutAndFollowOwnChanges() {
        KnownNames k = new KnownNames(100, now::get);
        assertThat(k.absent(7, "x")).as("unknown directory").isFalse();
        k.learned(7, List.of("a", "b"), now.get());
        assertThat(k.absent(7, "x")).isTrue();
        assertThat(k.absent(7, "a")).isFalse();
        k.added(7, "x");
        k.removed(7, "a");
        assertThat(k.absent(7, "x")).isFalse();
        assertThat(k.absent(7, "a")).isTrue();
        now.addAndGet(99);
        k.added(7, "y");
        now.addAndGet(1);
        assertThat(k.absent(7, "z")).as("own changes do not extend the timeout").isFalse();
        k.learned(8, List.of(), now.get());
        k.forget(8);
        assertThat(k.absent(8, "z")).isFalse();
    }

    @Test
    void aDirectoryChangedAfterItsNamesWereAskedIsNotTrusted() {
        KnownNames k = new KnownNames(100, now::get);
        Listings l = new Listings(100, now::get);
        Names names = new Names(null, new EntryCache(100, 10, now::get), new AttrCache(100, 10, now::get), l, k);
        long since = now.get();
        now.incrementAndGet();
        // another thread of this mount made a name there before the set was in place
        l.invalidate(9);
        names.listedWhole(9, List.of("a"), since);
        assertThat(k.absent(9, "new")).isFalse();
        names.madeEmpty(10, now.get());
        assertThat(k.absent(10, "new")).isTrue();
    }
}
