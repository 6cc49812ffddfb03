package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.master.fake.TestClock;

/** A chunk without a known copy: "ask again" while chunkservers may still register, EIO after. */
class CopiesGraceTest {
    @Test
    void noCopyIsPendingDuringTheGraceAndEioAfter() {
        TestClock clock = new TestClock(Instant.parse("2026-02-03T04:05:06Z"));
        CopiesGrace grace = new CopiesGrace(clock, Duration.ofSeconds(15));
        assertThat(grace.noCopy("chunk 0 of inode 5").status()).isEqualTo(Status.COPIES_PENDING);
        clock.advance(Duration.ofSeconds(14));
        assertThat(grace.open()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(grace.open()).isFalse();
        assertThat(grace.noCopy("chunk 0 of inode 5").status()).isEqualTo(Status.EIO);
        assertThat(grace.noCopy("chunk 0 of inode 5").getMessage()).contains("chunk 0 of inode 5");
    }
}
