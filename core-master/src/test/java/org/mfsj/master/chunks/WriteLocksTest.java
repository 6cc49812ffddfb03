package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

class WriteLocksTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final WriteLocks locks = new WriteLocks(Duration.ofSeconds(30), Duration.ofSeconds(3));

    @Test
    void aLockedChunkCannotBeLockedAgainUntilReleased() {
        assertThat(locks.tryLock(7, T0)).isTrue();
        assertThat(locks.tryLock(7, T0)).isFalse();
        assertThat(locks.isLocked(7)).isTrue();
        locks.release(7);
        assertThat(locks.tryLock(7, T0)).isTrue();
    }

    @Test
    void onlyTheWritingSessionEndsItsWrite() {
        assertThat(locks.tryLock(7, T0, 5)).isTrue();
        assertThat(locks.releaseBy(7, 6)).isFalse();
        assertThat(locks.isLocked(7)).isTrue();
        assertThat(locks.releaseBy(7, 5)).isTrue();
        assertThat(locks.isLocked(7)).isFalse();
        // a lock taken without a known session may be ended by anyone, as before sessions existed
        locks.tryLock(8, T0);
        assertThat(locks.releaseBy(8, 6)).isTrue();
        assertThat(locks.releaseBy(9, 6)).isFalse();
    }

    @Test
    void waitersWakeInArrivalOrderAndTheFirstTakesTheLockAgain() {
        locks.tryLock(7, T0);
        List<String> woke = new ArrayList<>();
        List<String> gotLock = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            locks.whenUnlocked(7, T0).thenRun(() -> {
                woke.add(name);
                if (locks.tryLock(7, T0)) {
                    gotLock.add(name);
                }
            });
        }
        assertThat(woke).isEmpty();
        locks.release(7);
        assertThat(woke).containsExactly("first", "second");
        assertThat(gotLock).containsExactly("first");
    }

    @Test
    void waitingOnAFreeChunkDoesNotWait() {
        assertThat(locks.whenUnlocked(7, T0)).isDone();
    }

    @Test
    void aLockHeldPastItsTimeoutIsReleased() {
        locks.tryLock(7, T0);
        locks.tryLock(8, T0.plusSeconds(20));
        var waiter = locks.whenUnlocked(7, T0);
        assertThat(locks.expire(T0.plusSeconds(29))).isEmpty();
        assertThat(locks.expire(T0.plusSeconds(30))).containsExactly(7L);
        assertThat(waiter).isDone();
        assertThat(locks.isLocked(8)).isTrue();
    }

    @Test
    void aWaiterGivesUpWithChunkBusyAfterTheWaitLimit() {
        locks.tryLock(7, T0);
        var early = locks.whenUnlocked(7, T0);
        var late = locks.whenUnlocked(7, T0.plusSeconds(2));
        locks.expire(T0.plusSeconds(3));
        assertThat(early).isCompletedExceptionally();
        assertThatThrownBy(early::join).hasCauseInstanceOf(MfsException.class)
                .cause().satisfies(e -> assertThat(((MfsException) e).status()).isEqualTo(Status.CHUNK_BUSY));
        assertThat(late).isNotDone();
        assertThat(locks.isLocked(7)).isTrue();
        locks.release(7);
        assertThat(late).isCompleted();
    }
}
