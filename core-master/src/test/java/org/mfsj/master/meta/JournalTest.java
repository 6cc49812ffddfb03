package org.mfsj.master.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.changelog.LogCursor;
import org.mfsj.master.changelog.MetaLog;

/** Which changes the journal lets the log defer, and which version a reply waits for. */
class JournalTest {
    /** Notes how each entry was appended and which forces were asked for. */
    private static final class NotingLog implements MetaLog {
        final List<String> appends = new ArrayList<>();
        long forcedUpTo;
        long last;

        @Override
        public long lastVersion() {
            return last;
        }

        @Override
        public long durableVersion() {
            return 0;
        }

        @Override
        public void append(LogEntry e) {
            appends.add(e.version() + " now");
            last = e.version();
        }

        @Override
        public void appendDeferred(LogEntry e) {
            appends.add(e.version() + " deferred");
            last = e.version();
        }

        @Override
        public void forceUpTo(long version) {
            forcedUpTo = Math.max(forcedUpTo, version);
        }

        @Override
        public void sync(long version) {
        }

        @Override
        public LogCursor read(long fromVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rotate() {
        }

        @Override
        public void dropCovered(long coveredVersion, int keep) {
        }

        @Override
        public void close() {
        }
    }

    private final MetaState state = MetaState.empty(Clock.systemUTC(), 1);
    private final NotingLog log = new NotingLog();
    private final Journal journal = new Journal(state, log);

    private void mkdir(String name) throws Exception {
        state.namespace().mkdir(Creds.ROOT, 1, name, 0755);
    }

    @Test
    void aRequestsChangesAreForcedTogetherAtItsEnd() throws Exception {
        mkdir("outside");
        journal.defer(false);
        mkdir("a");
        mkdir("b");
        assertThat(log.forcedUpTo).isZero();
        journal.undefer(true);
        assertThat(log.appends).containsExactly("1 now", "2 deferred", "3 deferred");
        assertThat(log.forcedUpTo).isEqualTo(3);
        assertThat(journal.replyVersion()).isEqualTo(3);
    }

    @Test
    void repliesDoNotWaitForScratchChangesAtTheEndOfTheLog() throws Exception {
        mkdir("published");
        journal.defer(true);
        state.namespace().mknod(Creds.ROOT, 1, "temp", FileType.FILE, 0644, 0);
        mkdir("temp-dir");
        journal.undefer(false);
        assertThat(log.appends).containsExactly("1 now", "2 deferred", "3 deferred");
        assertThat(log.forcedUpTo).isZero();
        // a lookup's reply: the scratch run at the end is skipped, so nothing new is forced
        assertThat(journal.replyVersion()).isEqualTo(1);
        assertThat(log.forcedUpTo).isEqualTo(1);
        // a chunk order waits for every change, scratch or not
        assertThat(journal.awaitedVersion()).isEqualTo(3);
        assertThat(log.forcedUpTo).isEqualTo(3);
        // once any other change follows, a reply waits for everything before it too
        mkdir("later");
        assertThat(journal.replyVersion()).isEqualTo(4);
    }
}
