package org.mfsj.fuse.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

class LocalLocksTest {
    private static final long EOF = Long.MAX_VALUE;
    private final LocalLocks locks = new LocalLocks();

    private static PosixLock lock(long owner, int type, long start, long end) {
        return new PosixLock(owner, (int) owner, type, start, end);
    }

    @Test
    void readersShareWritersExclude() throws Exception {
        locks.set(1, lock(1, PosixLock.READ, 0, 99), false, () -> false);
        locks.set(1, lock(2, PosixLock.READ, 50, 150), false, () -> false);
        assertThat(locks.test(1, lock(3, PosixLock.WRITE, 120, 130))).isEqualTo(lock(2, PosixLock.READ, 50, 150));
        assertThat(locks.test(1, lock(3, PosixLock.WRITE, 151, EOF))).isNull();
        assertThat(locks.test(2, lock(3, PosixLock.WRITE, 0, EOF))).as("other inode").isNull();
        assertThatThrownBy(() -> locks.set(1, lock(3, PosixLock.WRITE, 0, 10), false, () -> false))
                .isInstanceOf(MfsException.class).extracting(e -> ((MfsException) e).status()).isEqualTo(Status.EAGAIN);
    }

    @Test
    void anOwnersUnlockSplitsItsOwnRangeOnly() throws Exception {
        locks.set(1, lock(1, PosixLock.WRITE, 0, 99), false, () -> false);
        locks.set(1, lock(1, PosixLock.UNLOCK, 40, 59), false, () -> false);
        assertThat(locks.test(1, lock(2, PosixLock.WRITE, 40, 59))).isNull();
        assertThat(locks.test(1, lock(2, PosixLock.WRITE, 39, 39))).isEqualTo(lock(1, PosixLock.WRITE, 0, 39));
        assertThat(locks.test(1, lock(2, PosixLock.WRITE, 60, 60))).isEqualTo(lock(1, PosixLock.WRITE, 60, 99));
        locks.set(1, lock(1, PosixLock.READ, 0, EOF), false, () -> false);
        assertThat(locks.test(1, lock(2, PosixLock.READ, 0, EOF))).as("downgraded to shared").isNull();
    }

    @Test
    void aWaiterIsGrantedOnReleaseAndAGoneWaiterGivesUp() throws Exception {
        locks.set(1, lock(1, PosixLock.WRITE, 0, EOF), false, () -> false);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                locks.set(1, lock(2, PosixLock.WRITE, 0, EOF), true, () -> false);
            } catch (MfsException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiter).isNotDone();
        locks.set(1, lock(1, PosixLock.UNLOCK, 0, EOF), false, () -> false);
        waiter.get(10, TimeUnit.SECONDS);
        AtomicBoolean gone = new AtomicBoolean();
        CompletableFuture<Void> dead = CompletableFuture.runAsync(() -> {
            try {
                locks.set(1, lock(3, PosixLock.WRITE, 0, EOF), true, gone::get);
            } catch (MfsException e) {
                throw new IllegalStateException(e);
            }
        });
        gone.set(true);
        assertThatThrownBy(() -> dead.get(10, TimeUnit.SECONDS)).hasMessageContaining("the caller is gone");
        assertThat(locks.test(1, lock(4, PosixLock.READ, 0, 0))).isEqualTo(lock(2, PosixLock.WRITE, 0, EOF));
    }

    @Test
    void flockSharedAndExclusive() throws Exception {
        locks.flock(7, 1, true, false, () -> false);
        locks.flock(7, 2, true, false, () -> false);
        assertThatThrownBy(() -> locks.flock(7, 3, false, false, () -> false)).isInstanceOf(MfsException.class);
        locks.unflock(7, 1);
        locks.unflock(7, 2);
        locks.flock(7, 3, false, false, () -> false);
        assertThatThrownBy(() -> locks.flock(7, 1, true, false, () -> false)).isInstanceOf(MfsException.class);
    }
}
