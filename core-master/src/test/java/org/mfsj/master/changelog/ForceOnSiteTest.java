package org.mfsj.master.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.meta.LogEntry;

/** Forces asked for on the appending thread are made there when it is idle, else on the log's thread. */
class ForceOnSiteTest {
    @TempDir
    Path dir;

    private final ExecutorService siteThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "site"));
    private final AtomicBoolean idle = new AtomicBoolean(true);
    /** Where each report came from: "site durableOnMaster 2", "mfsmaster-changelog durable 3". */
    private final List<String> reports = new ArrayList<>();
    private final MetaLog.Listener listener = new MetaLog.Listener() {
        @Override
        public void durable(long version) {
            report("durable", version);
        }

        @Override
        public void durableOnMaster(long version) {
            report("durableOnMaster", version);
        }

        @Override
        public void failed(IOException error) {
            throw new AssertionError(error);
        }
    };

    private final ForceSite site = new ForceSite() {
        @Override
        public boolean inThread() {
            return Thread.currentThread().getName().equals("site");
        }

        @Override
        public void later(Runnable task) {
            siteThread.execute(task);
        }

        @Override
        public boolean idle() {
            return idle.get();
        }
    };

    private synchronized void report(String how, long version) {
        reports.add(Thread.currentThread().getName() + " " + how + " " + version);
    }

    private synchronized List<String> reports() {
        return List.copyOf(reports);
    }

    private static LogEntry entry(long v) {
        return new LogEntry(v, 1, v, new ChunkRecord.Created(v, 1));
    }

    @AfterEach
    void stopSite() throws InterruptedException {
        siteThread.shutdown();
        assertThat(siteThread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs {@code task} on the site's thread and waits for it (and for what it queued there). */
    private void onSite(Runnable task) throws Exception {
        siteThread.submit(task).get(30, TimeUnit.SECONDS);
        siteThread.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aForceAskedOnAnIdleSiteIsMadeThereAfterItsTask() throws Exception {
        FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, listener, 600_000_000_000L);
        log.forceOn(site);
        onSite(() -> {
            log.appendDeferred(entry(1));
            log.appendDeferred(entry(2));
            log.forceUpTo(2);
            // queued behind the task at hand, not made inside it
            assertThat(log.durableVersion()).isZero();
        });
        assertThat(log.durableVersion()).isEqualTo(2);
        assertThat(reports()).containsExactly("site durableOnMaster 2");
        assertThat(log.commitStats()).containsExactly(1L, 2L);
        log.close();
        List<Long> seen = new ArrayList<>();
        ChangelogRecovery.replay(dir, 1, e -> seen.add(e.version()), true);
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aSiteWithOtherWorkQueuedLeavesTheForceToTheLogsThread() throws Exception {
        FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, listener, 600_000_000_000L);
        log.forceOn(site);
        idle.set(false);
        onSite(() -> {
            log.appendDeferred(entry(1));
            log.forceUpTo(1);
        });
        log.sync(1);
        assertThat(reports()).containsExactly("mfsmaster-changelog durable 1");
        log.close();
    }

    @Test
    void forcesAskedOffTheSiteOrWaitedForOnItGoToTheLogsThread() throws Exception {
        FileChangelog log = FileChangelog.open(dir, 0, 1 << 20, listener, 600_000_000_000L);
        log.forceOn(site);
        log.appendDeferred(entry(1));
        log.forceUpTo(1);
        log.sync(1);
        // a sync on the site's own thread must not wait for a force queued behind itself
        onSite(() -> {
            log.appendDeferred(entry(2));
            try {
                log.sync(2);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(reports()).containsExactly("mfsmaster-changelog durable 1", "mfsmaster-changelog durable 2");
        log.close();
    }
}
