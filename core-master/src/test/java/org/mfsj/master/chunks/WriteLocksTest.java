package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteLocksTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final WriteLocks locks = new WriteLocks(Duration.ofSeconds(30));

    @Test
    void aLockedChunkCannotBeLockedAgainUntilReleased() {
        assertThat(locks.tryLock(7, T0)).isTrue();
        assertThat(locks.tryLock(7, T0)).isFalse();
        assertThat(locks.isLocked(7)).isTrue();
        locks.release(7);
        assertThat(locks.tryLock(7, T0)).isTrue();
    }

    @Test
    void waitersWakeInArrivalOrderAndTheFirstTakesTheLockAgain() {
        locks.tryLock(7, T0);
        List<String> woke = new ArrayList<>();
        List<String> gotLock = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            locks.whenUnlocked(7).thenRun(() -> {
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
        assertThat(locks.whenUnlocked(7)).isDone();
    }

    @Test
    void aLockHeldPastItsTimeoutIsReleased() {
        locks.tryLock(7, T0);
        locks.tryLock(8, T0.plusSeconds(20));
        var waiter = locks.whenUnlocked(7);
        assertThat(locks.expire(T0.plusSeconds(29))).isEmpty();
        assertThat(locks.expire(T0.plusSeconds(30))).containsExactly(7L);
        assertThat(waiter).isDone();
        assertThat(locks.isLocked(8)).isTrue();
    }
}
