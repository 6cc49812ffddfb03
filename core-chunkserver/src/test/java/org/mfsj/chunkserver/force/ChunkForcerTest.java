package org.mfsj.chunkserver.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.chunkserver.store.DiskSpec;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2chunk.ForceStatsReply;

/** When written chunks are forced: on request, after the delay, at session end with no delay; never claimed early. */
class ChunkForcerTest {
    private static final long DELAY_MS = 1_000;

    @TempDir
    Path disk;
    private ChunkStore store;
    private long now;
    /** Store calls wait here until the test runs them, so a force can be caught in flight. */
    private final Queue<Runnable> io = new ArrayDeque<>();
    private final Executor queued = io::add;

    @BeforeEach
    void setUp() throws Exception {
        store = ChunkStore.open(List.of(DiskSpec.of(disk)));
        for (long id = 1; id <= 3; id++) {
            store.create(id, 1);
            byte[] data = {1, 2, 3, (byte) id};
            CRC32C crc = new CRC32C();
            crc.update(data);
            store.write(id, 1, 0, data, 0, data.length, (int) crc.getValue());
        }
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ChunkForcer forcer(long delayMs, Executor workers) {
        return new ChunkForcer(store, workers, delayMs, () -> now);
    }

    private void runIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }

    private static ForceStatsReply stats(ChunkForcer f) {
        return f.stats(0);
    }

    @Test
    void aSessionEndForcesNothingUntilTheDelayHasPassed() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, Runnable::run);
        f.sessionEnded(1);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 0, 0, 1));
        now += TimeUnit.MILLISECONDS.toNanos(DELAY_MS) - 1;
        f.forceDue();
        assertThat(stats(f).background()).isZero();
        now += 1;
        f.forceDue();
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 1, 0, 0));
    }

    @Test
    void aRequestForcesAPendingChunkOnceAndThenAnswersWithoutForcing() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, Runnable::run);
        f.sessionEnded(1);
        f.sessionEnded(2);
        assertThat(f.sync(1, 1).get()).isEqualTo(Status.OK);
        assertThat(f.sync(1, 1).get()).isEqualTo(Status.OK);
        assertThat(f.sync(3, 1).get()).as("never written in a session here").isEqualTo(Status.OK);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 0, 1, 1));
    }

    @Test
    void aSyncedSessionEndForcesItsChunkAtOnceAndOnlyOnceWithNoDelayForcingAlready() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, Runnable::run);
        f.sessionEnded(1);
        assertThat(f.syncEnded(1).get()).isEqualTo(Status.OK);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 0, 1, 0));
        ChunkForcer none = forcer(0, Runnable::run);
        none.sessionEnded(2);
        assertThat(none.syncEnded(2).get()).isEqualTo(Status.OK);
        assertThat(stats(none)).isEqualTo(new ForceStatsReply(0, 1, 0, 0, 0));
    }

    @Test
    void noDelayForcesAtEverySessionEnd() throws Exception {
        ChunkForcer f = forcer(0, Runnable::run);
        f.sessionEnded(1);
        f.sessionEnded(1);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 2, 0, 0, 0));
        assertThat(f.sync(1, 1).get()).isEqualTo(Status.OK);
        assertThat(stats(f).onRequest()).isZero();
    }

    @Test
    void aChunkThatIsGoneOrOlderThanAskedIsAnErrorAndALaterVersionIsFine() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, Runnable::run);
        f.sessionEnded(1);
        store.delete(1, 1);
        assertThat(f.sync(1, 1).get()).isEqualTo(Status.NO_SUCH_CHUNK);
        assertThat(f.sync(2, 5).get()).isEqualTo(Status.WRONG_VERSION);
        store.setVersion(2, 1, 2);
        f.sessionEnded(2);
        assertThat(f.sync(2, 1).get()).as("a later session bumped the version").isEqualTo(Status.OK);
        assertThat(stats(f).onRequest()).isEqualTo(1);
    }

    @Test
    void aRequestWaitsForTheForceInFlightAndForcesAgainWhatEndedAfterItStarted() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, queued);
        f.sessionEnded(1);
        now += TimeUnit.MILLISECONDS.toNanos(DELAY_MS);
        CompletableFuture<Status> sync = f.sync(1, 1); // its look-up is queued
        f.forceDue(); // the background force is queued behind it
        f.sessionEnded(1); // a second session ends: the force in flight may already be past its data
        io.poll().run(); // the request's look-up finds the force in flight
        io.poll().run(); // the background force
        assertThat(sync).as("the second session's data is not forced yet").isNotDone();
        runIo();
        assertThat(sync.get()).isEqualTo(Status.OK);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 1, 1, 0));
    }

    @Test
    void aRequestArrivingDuringABackgroundForceIsAnsweredOnlyAfterIt() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, queued);
        f.sessionEnded(1);
        now += TimeUnit.MILLISECONDS.toNanos(DELAY_MS);
        CompletableFuture<Status> sync = f.sync(1, 1);
        f.forceDue();
        io.poll().run(); // the look-up: nothing pending, a force in flight
        assertThat(sync).isNotDone();
        runIo();
        assertThat(sync.get()).isEqualTo(Status.OK);
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 1, 0, 0));
    }

    @Test
    void closeForcesWhatIsStillPending() throws Exception {
        ChunkForcer f = forcer(DELAY_MS, Runnable::run);
        f.sessionEnded(1);
        f.sessionEnded(2);
        f.close();
        assertThat(stats(f)).isEqualTo(new ForceStatsReply(0, 0, 2, 0, 0));
    }
}
