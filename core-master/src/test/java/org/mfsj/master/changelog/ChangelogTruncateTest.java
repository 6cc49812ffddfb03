package org.mfsj.master.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.meta.LogEntry;

/** Cutting a tail off the changelog (master HA): gone from the files, appends go on after the cut. */
class ChangelogTruncateTest {
    @TempDir
    Path dir;

    private static final MetaLog.Listener QUIET = new MetaLog.Listener() {
        @Override
        public void durable(long version) {
        }

        @Override
        public void failed(IOException error) {
            throw new AssertionError(error);
        }
    };

    private static LogEntry entry(long v, int goal) {
        return new LogEntry(v, 0, 0, new ChunkRecord.Created(v, goal));
    }

    private List<LogEntry> replay() throws IOException {
        List<LogEntry> out = new ArrayList<>();
        ChangelogRecovery.replay(dir, 1, out::add, false);
        return out;
    }

    @Test
    void aCutTailIsGoneFromTheFilesAndNewEntriesFollowTheCut() throws Exception {
        try (FileChangelog log = FileChangelog.open(dir, 0, 200, QUIET)) {
            for (long v = 1; v <= 30; v++) {
                log.append(entry(v, 1));
                if (v % 5 == 0) {
                    log.sync(v);
                }
            }
            log.sync(30);
            assertThat(Segment.list(dir)).as("small segments: several files").hasSizeGreaterThan(2);
            log.truncateAfter(12);
            assertThat(log.lastVersion()).isEqualTo(12);
            assertThat(log.durableVersion()).isEqualTo(12);
            for (long v = 13; v <= 16; v++) {
                log.append(entry(v, 2));
            }
            log.sync(16);
        }
        List<LogEntry> all = replay();
        assertThat(all).extracting(LogEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L,
                12L, 13L, 14L, 15L, 16L);
        assertThat(all.subList(0, 12)).allMatch(e -> ((ChunkRecord.Created) e.record()).goal() == 1);
        assertThat(all.subList(12, 16)).allMatch(e -> ((ChunkRecord.Created) e.record()).goal() == 2);
    }

    @Test
    void cuttingAtTheEndOrBeyondChangesNothing() throws Exception {
        try (FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, QUIET)) {
            for (long v = 1; v <= 5; v++) {
                log.append(entry(v, 1));
            }
            log.sync(5);
            log.truncateAfter(5);
            log.truncateAfter(9);
            assertThat(log.lastVersion()).isEqualTo(5);
        }
        assertThat(replay()).hasSize(5);
    }

    /** A master thread interrupted while it cuts (its life ends): closing the log must not wait for ever. */
    @Test
    void aCutInterruptedHalfwayLeavesALogThatStillCloses() throws Exception {
        FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, QUIET);
        for (long v = 1; v <= 10; v++) {
            log.append(entry(v, 1));
        }
        log.sync(10);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> log.truncateAfter(4)).isInstanceOf(ClosedByInterruptException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(log.lastVersion()).isEqualTo(4);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            log.sync(log.lastVersion());
            log.close();
        });
    }
}
