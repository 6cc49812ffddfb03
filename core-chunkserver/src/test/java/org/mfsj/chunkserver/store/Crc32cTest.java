package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CRC of two runs put together from their own CRCs equals the CRC of the whole. */
class Crc32cTest {
    @Test
    void combiningTwoRunsGivesTheCrcOfBoth() {
        Random r = new Random(7);
        byte[] data = new byte[3 << 16];
        r.nextBytes(data);
        for (int split : new int[] {0, 1, 4095, 4096, 65536, 100_000, data.length - 1, data.length}) {
            int a = Crc32c.of(data, 0, split);
            int b = Crc32c.of(data, split, data.length - split);
            assertThat(Crc32c.combine(a, b, data.length - split)).as("split at %d", split)
                    .isEqualTo(Crc32c.of(data, 0, data.length));
        }
    }

    @Test
    void aRunCombinedBlockByBlockGivesTheCrcOfTheRun() {
        byte[] data = new byte[(1 << 20) + 300];
        new Random(11).nextBytes(data);
        int crc = 0;
        for (int at = 0; at < data.length; at += 1 << 16) {
            int n = Math.min(1 << 16, data.length - at);
            crc = Crc32c.combine(crc, Crc32c.of(data, at, n), n);
        }
        assertThat(crc).isEqualTo(Crc32c.of(data, 0, data.length));
    }
}
