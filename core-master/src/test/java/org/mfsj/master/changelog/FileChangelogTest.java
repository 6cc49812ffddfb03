package org.mfsj.master.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.codec.CorruptMetadataException;
import org.mfsj.master.meta.codec.RecordCodec;

class FileChangelogTest {
    @TempDir
    Path dir;

    private final AtomicLong durable = new AtomicLong();
    private final MetaLog.Listener listener = new MetaLog.Listener() {
        @Override
        public void durable(long version) {
            durable.accumulateAndGet(version, Math::max);
        }

        @Override
        public void failed(IOException error) {
            throw new AssertionError(error);
        }
    };

    private static LogEntry entry(long v) {
        return new LogEntry(v, v % 3, v, new ChunkRecord.Created(v, 1 + (int) (v % 9)));
    }

    private FileChangelog write(long from, long to, long segmentBytes) throws Exception {
        FileChangelog log = FileChangelog.open(dir, from - 1, segmentBytes, listener);
        for (long v = from; v <= to; v++) {
            log.append(entry(v));
            if (v % 10 == 0) {
                // batches of ten: segments rotate only between batches
                log.sync(v);
            }
        }
        log.sync(to);
        return log;
    }

    private List<Long> versions(LogCursor c) throws IOException {
        List<Long> out = new ArrayList<>();
        for (LogEntry e = c.next(); e != null; e = c.next()) {
            assertThat(e).isEqualTo(entry(e.version()));
            out.add(e.version());
        }
        return out;
    }

    private List<Long> recover(long from) throws IOException {
        List<Long> seen = new ArrayList<>();
        ChangelogRecovery.replay(dir, from, e -> seen.add(e.version()), true);
        return seen;
    }

    @Test
    void entriesAppendedUnderOneHoldAreForcedTogether() throws Exception {
        try (FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, listener)) {
            long v = 0;
            for (int i = 0; i < 100; i++) {
                long before = log.commitStats()[0];
                log.holdForces();
                log.append(entry(++v));
                // without the hold the idle commit thread would often take this first entry alone
                log.append(entry(++v));
                log.releaseForces();
                log.sync(v);
                assertThat(log.commitStats()[0] - before).as("forces for one request's two entries, round " + i)
                        .isEqualTo(1);
            }
            log.holdForces();
            log.append(entry(++v));
            // a holder that waits for its own entry lets them go rather than wait forever
            log.sync(v);
            assertThat(log.durableVersion()).isEqualTo(v);
            log.releaseForces();
        }
    }

    @Test
    void appendedEntriesBecomeDurableAndStreamFromAnyVersion() throws Exception {
        try (FileChangelog log = write(1, 500, 2000)) {
            assertThat(log.durableVersion()).isEqualTo(500);
            // the listener hears of a batch right after sync's waiters are woken, on the commit thread
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (durable.get() < 500 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(durable.get()).isEqualTo(500);
            assertThat(Segment.list(dir)).hasSizeGreaterThan(1);
            for (long from : new long[] {1, 2, 137, 499, 500}) {
                try (LogCursor c = log.read(from)) {
                    assertThat(versions(c)).first().isEqualTo(from);
                }
            }
            try (LogCursor c = log.read(501)) {
                assertThat(c.next()).isNull();
            }
            long[] stats = log.commitStats();
            assertThat(stats[1]).isEqualTo(500);
        }
        assertThat(recover(1)).hasSize(500);
    }

    @Test
    void aRestartedLogContinuesInANewSegmentAndAGapIsRefused() throws Exception {
        write(1, 10, 1 << 20).close();
        write(11, 20, 1 << 20).close();
        assertThat(Segment.list(dir)).extracting(Segment::firstVersion).containsExactly(1L, 11L);
        assertThat(recover(5)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L,
                20L);
        Files.delete(Segment.pathOf(dir, 1));
        assertThatThrownBy(() -> recover(5)).isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining("changelog.2.mfs").hasMessageContaining("entries missing");
    }

    @Test
    void aTornLastRecordIsCutAndNeverApplied() throws Exception {
        write(1, 20, 1 << 20).close();
        Path last = Segment.pathOf(dir, 1);
        long whole = Files.size(last);
        long cutAt;
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            // a crash in the middle of writing record 20
            cutAt = whole - 10;
            ch.truncate(cutAt);
        }
        List<Long> seen = recover(1);
        assertThat(seen).hasSize(19).last().isEqualTo(19L);
        assertThat(Files.size(last)).isLessThan(cutAt);
        // the log goes on after the cut record, at its version
        write(20, 21, 1 << 20).close();
        assertThat(recover(1)).hasSize(21);
    }

    @Test
    void aSegmentCutBeforeItsHeaderWasWholeIsDropped() throws Exception {
        write(1, 10, 1 << 20).close();
        Files.write(Segment.pathOf(dir, 2), new byte[] {'M', 'F', 'S'});
        assertThat(Segment.list(dir)).hasSize(1);
        assertThat(recover(1)).hasSize(10);
        assertThat(Segment.pathOf(dir, 2)).doesNotExist();
        write(11, 12, 1 << 20).close();
        assertThat(recover(1)).hasSize(12);
    }

    @Test
    void damageInsideTheLogStopsRecoveryWithFileAndOffset() throws Exception {
        write(1, 20, 1 << 20).close();
        Path last = Segment.pathOf(dir, 1);
        byte[] b = Files.readAllBytes(last);
        b[Segment.HEADER + 100] ^= 0x10;
        Files.write(last, b);
        assertThatThrownBy(() -> recover(1)).isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining(last.toString()).hasMessageContaining("offset");
        assertThat(Files.size(last)).isEqualTo(b.length);
    }

    @Test
    void segmentsAnImageHoldsAreDroppedKeepingTheNewest() throws Exception {
        try (FileChangelog log = write(1, 300, 1500)) {
            int before = Segment.list(dir).size();
            log.dropCovered(150, 2);
            List<Segment> after = Segment.list(dir);
            assertThat(after.size()).isLessThan(before).isGreaterThanOrEqualTo(2);
            assertThat(after.get(0).firstVersion()).isLessThanOrEqualTo(151);
            try (LogCursor c = log.read(151)) {
                assertThat(versions(c)).hasSize(150);
            }
            assertThatThrownBy(() -> log.read(1)).isInstanceOf(CorruptMetadataException.class);
        }
    }

    @Test
    void anEntryOutOfOrderIsRefused() throws Exception {
        try (FileChangelog log = write(1, 3, 1 << 20)) {
            assertThatThrownBy(() -> log.append(entry(5))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A copy of the newest segment as a crash now would leave it: records, then the zeros ahead of them. */
    private Path crashedCopy(long to) throws Exception {
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        try (FileChangelog log = write(1, to, 1 << 20)) {
            Path seg = Segment.pathOf(dir, 1);
            assertThat(Files.size(seg)).as("zeros written ahead").isGreaterThanOrEqualTo(CommitThread.PREALLOCATE);
            Files.copy(seg, Segment.pathOf(crashed, 1));
        }
        assertThat(Files.size(Segment.pathOf(dir, 1))).as("cut back to its records at close")
                .isLessThan(CommitThread.PREALLOCATE);
        return crashed;
    }

    private static List<Long> recover(Path from) throws IOException {
        List<Long> seen = new ArrayList<>();
        ChangelogRecovery.replay(from, 1, e -> seen.add(e.version()), true);
        return seen;
    }

    @Test
    void theZerosAheadOfTheRecordsAreTheEndOfTheLogAfterACrash() throws Exception {
        Path crashed = crashedCopy(30);
        assertThat(recover(crashed)).hasSize(30).last().isEqualTo(30L);
        assertThat(Files.size(Segment.pathOf(crashed, 1))).isEqualTo(Files.size(Segment.pathOf(dir, 1)));
        assertThat(recover(1)).hasSize(30);
    }

    @Test
    void aLastRecordHalfWrittenOverTheZerosIsTornButDamageBeforeRecordsIsNot() throws Exception {
        Path crashed = crashedCopy(30);
        Path seg = Segment.pathOf(crashed, 1);
        byte[] b = Files.readAllBytes(seg);
        int last = b.length - 1;
        while (b[last] == 0) {
            last--;
        }
        byte[] torn = b.clone();
        torn[last] = 0;
        Files.write(seg, torn);
        assertThat(recover(crashed)).as("the record the crash cut").hasSize(29).last().isEqualTo(29L);
        byte[] damaged = b.clone();
        damaged[Segment.HEADER + 100] ^= 0x10;
        Files.write(seg, damaged);
        assertThatThrownBy(() -> recover(crashed)).isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining(seg.toString()).hasMessageContaining("offset");
    }

    @Test
    void entriesAppendedEncodedInOneBatchReadBackOneByOne() throws Exception {
        FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, listener);
        log.append(entry(1));
        List<byte[]> batch = new ArrayList<>();
        for (long v = 2; v <= 6; v++) {
            batch.add(RecordCodec.encode(entry(v)));
        }
        log.appendEncoded(2, batch);
        assertThat(log.lastVersion()).isEqualTo(6);
        assertThatThrownBy(() -> log.appendEncoded(8, List.of(batch.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        log.sync(6);
        assertThat(durable.get()).isEqualTo(6);
        try (LogCursor c = log.read(1)) {
            assertThat(versions(c)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
        log.close();
    }
}
