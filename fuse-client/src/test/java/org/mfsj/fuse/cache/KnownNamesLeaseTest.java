package org.mfsj.fuse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Names known under a directory lease: trusted until the lease's end whatever the negative timeout
 * (off here), dropped at a recall or when every lease is lost, and never taken up when a recall
 * came between the asking and the grant (the grant and the recall may cross).
 */
class KnownNamesLeaseTest {
    private static final long LEASE = 1_000;
    private final AtomicLong now = new AtomicLong(5_000);
    private final KnownNames k = new KnownNames(0, now::get);

    private boolean lease(long dir, boolean fresh) {
        long mark = k.recallMark();
        return k.leased(dir, fresh, now.get(), LEASE, mark);
    }

    @Test
    void aLeasedDirectoryAnswersAbsenceUntilItsLeaseEndsAndFollowsOwnChanges() {
        k.learned(7, List.of(), now.get());
        assertThat(k.absent(7, "x")).as("no lease, no timeout").isFalse();
        assertThat(lease(7, true)).isTrue();
        assertThat(k.absent(7, "x")).isTrue();
        k.added(7, "x");
        assertThat(k.absent(7, "x")).isFalse();
        k.removed(7, "x");
        now.addAndGet(LEASE - 1);
        assertThat(k.absent(7, "x")).isTrue();
        assertThat(k.leaseDue(7)).isFalse();
        now.addAndGet(1);
        assertThat(k.absent(7, "x")).as("lease over").isFalse();
        assertThat(k.leaseDue(7)).isTrue();
        assertThat(lease(7, false)).as("renewed").isTrue();
        assertThat(k.absent(7, "x")).isTrue();
        assertThat(k.leaseDue(7)).isFalse();
    }

    @Test
    void aNameTooLongForAnyDirectoryIsLeftToTheMaster() {
        assertThat(lease(7, true)).isTrue();
        assertThat(k.absent(7, "n".repeat(255))).isTrue();
        assertThat(k.absent(7, "n".repeat(256))).as("ENAMETOOLONG, not ENOENT").isFalse();
        assertThat(k.absent(7, "\u00e9".repeat(128))).as("256 bytes of UTF-8").isFalse();
    }

    @Test
    void aRecallOrALostConnectionDropsTheLease() {
        assertThat(lease(7, true)).isTrue();
        assertThat(lease(8, true)).isTrue();
        k.recalled(7);
        assertThat(k.absent(7, "x")).isFalse();
        assertThat(k.leaseDue(7)).isFalse();
        assertThat(k.absent(8, "x")).isTrue();
        k.allLost();
        assertThat(k.absent(8, "x")).isFalse();
        assertThat(lease(8, false)).as("nothing left to renew").isFalse();
    }

    @Test
    void aGrantAskedBeforeARecallIsNotTakenUp() {
        long mark = k.recallMark();
        long asked = now.get();
        k.recalled(9);
        assertThat(k.leased(7, true, asked, LEASE, mark)).isFalse();
        assertThat(k.absent(7, "x")).isFalse();
        assertThat(lease(7, true)).as("asked after the recall").isTrue();
        mark = k.recallMark();
        k.allLost();
        assertThat(k.leased(7, false, asked, LEASE, mark)).isFalse();
        assertThat(k.absent(7, "x")).isFalse();
    }

    @Test
    void aNegativeTimeoutStillCountsBesideALease() {
        KnownNames timed = new KnownNames(100, now::get);
        timed.learned(7, List.of("a"), now.get());
        timed.allLost();
        assertThat(timed.absent(7, "x")).as("learned, not leased: kept").isTrue();
    }

    @Test
    void makingRoomKeepsTheDirectoriesInUse() {
        assertThat(lease(1, true)).isTrue();
        for (long dir = 2; dir <= KnownNames.MAX_DIRS; dir++) {
            assertThat(lease(dir, true)).isTrue();
            // an untar goes on filling its first directory while it makes the others
            assertThat(k.absent(1, "f" + dir)).isTrue();
        }
        assertThat(lease(KnownNames.MAX_DIRS + 1, true)).as("one past the limit").isTrue();
        assertThat(k.absent(1, "x")).as("in use: kept").isTrue();
        assertThat(k.absent(KnownNames.MAX_DIRS + 1, "x")).as("the new one").isTrue();
        assertThat(k.absent(KnownNames.MAX_DIRS, "x")).as("made last before it").isTrue();
        assertThat(k.absent(2, "x")).as("unused since it was made: gone").isFalse();
    }
}
