package org.mfsj.common.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.locks.HeldLock.TO_EOF;
import static org.mfsj.common.locks.LockFlavor.FLOCK;
import static org.mfsj.common.locks.LockFlavor.POSIX;
import static org.mfsj.common.locks.LockType.READ;
import static org.mfsj.common.locks.LockType.UNLOCK;
import static org.mfsj.common.locks.LockType.WRITE;

import org.junit.jupiter.api.Test;

class LockTableTest {
    private static final long INODE = 7;
    private final LockTable table = new LockTable();
    private final LockOwner a = new LockOwner(1, 10);
    private final LockOwner b = new LockOwner(1, 11);
    private final LockOwner otherSession = new LockOwner(2, 10);

    @Test
    void readLocksShareAndWriteExcludes() {
        assertThat(table.set(INODE, POSIX, READ, 0, 99, a, 100)).isEmpty();
        assertThat(table.set(INODE, POSIX, READ, 50, 150, b, 101)).isEmpty();
        assertThat(table.set(INODE, POSIX, WRITE, 90, 95, otherSession, 102)).get()
                .extracting(HeldLock::type).isEqualTo(READ);
        assertThat(table.set(INODE, POSIX, WRITE, 200, TO_EOF, otherSession, 102)).isEmpty();
        assertThat(table.conflict(INODE, POSIX, READ, 300, 300, a)).get()
                .extracting(HeldLock::owner).isEqualTo(otherSession);
    }

    @Test
    void anOwnerNeverConflictsWithItselfAndUpgradeSplitsItsRange() {
        table.set(INODE, POSIX, READ, 0, 99, a, 1);
        assertThat(table.set(INODE, POSIX, WRITE, 40, 59, a, 1)).isEmpty();
        assertThat(table.held(INODE)).extracting(HeldLock::type, HeldLock::start, HeldLock::end)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(READ, 0L, 39L),
                        org.assertj.core.groups.Tuple.tuple(READ, 60L, 99L),
                        org.assertj.core.groups.Tuple.tuple(WRITE, 40L, 59L));
    }

    @Test
    void unlockOfTheMiddleLeavesBothEndsAndAdjacentRangesMerge() {
        table.set(INODE, POSIX, WRITE, 0, 9, a, 1);
        table.set(INODE, POSIX, WRITE, 10, 19, a, 1);
        assertThat(table.held(INODE)).singleElement().satisfies(h -> {
            assertThat(h.start()).isZero();
            assertThat(h.end()).isEqualTo(19);
        });
        table.set(INODE, POSIX, UNLOCK, 5, 14, a, 1);
        assertThat(table.held(INODE)).extracting(HeldLock::start, HeldLock::end).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(0L, 4L), org.assertj.core.groups.Tuple.tuple(15L, 19L));
        assertThat(table.conflict(INODE, POSIX, WRITE, 5, 14, b)).isEmpty();
        assertThat(table.conflict(INODE, POSIX, WRITE, 4, 4, b)).isPresent();
    }

    @Test
    void aRefusedRequestChangesNothing() {
        table.set(INODE, POSIX, WRITE, 0, TO_EOF, a, 1);
        table.set(INODE, POSIX, READ, 0, 10, b, 2);
        assertThat(table.held(INODE)).hasSize(1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void flockAndPosixLocksDoNotMeet() {
        table.set(INODE, POSIX, WRITE, 0, TO_EOF, a, 1);
        assertThat(table.set(INODE, FLOCK, WRITE, 0, 0, b, 2)).isEmpty();
        assertThat(table.set(INODE, FLOCK, READ, 0, 0, otherSession, 3)).isPresent();
        assertThat(table.held(INODE)).hasSize(2);
        assertThat(table.held(INODE).get(1).end()).as("flock covers the whole file").isEqualTo(TO_EOF);
    }

    @Test
    void releasingAnOwnerOrASessionFreesOnlyTheirs() {
        table.set(INODE, POSIX, READ, 0, 9, a, 1);
        table.set(INODE, POSIX, READ, 0, 9, b, 1);
        table.set(INODE + 1, FLOCK, WRITE, 0, 0, a, 1);
        table.set(INODE, POSIX, READ, 0, 9, otherSession, 1);
        assertThat(table.releaseOwner(INODE, POSIX, a)).isEqualTo(1);
        assertThat(table.releaseSession(1)).isEqualTo(2);
        assertThat(table.held(INODE)).extracting(HeldLock::owner).containsExactly(otherSession);
        assertThat(table.held(INODE + 1)).isEmpty();
    }
}
