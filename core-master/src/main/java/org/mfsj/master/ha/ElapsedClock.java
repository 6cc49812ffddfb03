package org.mfsj.master.ha;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves forward at the rate of the machine's monotonic timer, for the consensus
 * core: election timeouts and the read lease measure intervals, and a wall clock stepped by NTP or
 * an operator would stretch a lease or cut a voter's silence short. Its instants are not dates.
 */
public final class ElapsedClock extends Clock {
    public static final ElapsedClock INSTANCE = new ElapsedClock();

    private ElapsedClock() {
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("an elapsed-time clock has no zone");
    }
}
