package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;
import org.mfsj.master.changelog.MetaLog;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.TermStart;
import org.mfsj.master.meta.Voters;

/** The replicated changelog over real files: terms, commit-bounded durability, follower appends and cuts. */
class HaLogTest {
    @TempDir
    Path tmp;

    private final AtomicLong released = new AtomicLong();
    private final MetaLog.Listener commits = new MetaLog.Listener() {
        @Override
        public void durable(long version) {
            released.set(version);
        }

        @Override
        public void failed(IOException error) {
            throw new AssertionError(error);
        }
    };

    private HaLog open(Path dir, MetaState state) throws IOException {
        return HaLog.open(dir, state, 1 << 20, Runnable::run, commits, () -> { }, v -> { });
    }

    @Test
    void aLeadersEntriesAreDurableForRepliesOnlyOnceCommitted() throws Exception {
        MetaState state = MetaState.empty(Clock.systemUTC(), 1);
        try (HaLog log = open(tmp.resolve("leader"), state)) {
            log.append(new LogEntry(1, 0, 0, new TermStart(3)));
            log.append(new LogEntry(2, 0, 0, new ChunkRecord.Created(7, 1)));
            log.sync(2);
            assertThat(log.localDurable()).isEqualTo(2);
            assertThat(log.durableVersion()).as("not committed yet").isZero();
            assertThat(released.get()).isZero();
            log.committed(2);
            assertThat(log.durableVersion()).isEqualTo(2);
            assertThat(released.get()).isEqualTo(2);
            assertThat(log.termAt(2)).isEqualTo(3);
            assertThat(log.termStart(2)).isEqualTo(1);
            assertThat(log.entriesFrom(1, 10)).extracting(Entry::term).containsExactly(3L, 3L);
        }
    }

    @Test
    void aFollowerAppliesWhatItAppendsAndMustReloadWhenACutReachesIt() throws Exception {
        List<Entry> sent;
        MetaState leaderState = MetaState.empty(Clock.systemUTC(), 1);
        try (HaLog leader = open(tmp.resolve("leader"), leaderState)) {
            leader.append(new LogEntry(1, 0, 0, new TermStart(1)));
            leader.append(new LogEntry(2, 0, 0, new ChunkRecord.Created(7, 1)));
            leader.append(new LogEntry(3, 0, 0, new ChunkRecord.Created(8, 1)));
            leader.sync(3);
            sent = leader.entriesFrom(1, 10);
        }
        Path dir = tmp.resolve("follower");
        MetaState state = MetaState.empty(Clock.systemUTC(), 1);
        try (HaLog follower = open(dir, state)) {
            follower.appendFromLeader(1, sent);
            follower.sync(3);
            assertThat(state.version()).as("hot standby: applied at once").isEqualTo(3);
            assertThat(state.chunks().size()).isEqualTo(2);
            assertThat(follower.truncateAfter(2)).as("version 3 was applied: reload").isFalse();
            assertThat(follower.lastVersion()).isEqualTo(2);
            assertThat(follower.termAt(2)).isEqualTo(1);
        }
        MetaState reloaded = MetaStore.recover(dir, Clock.systemUTC(), 1, false);
        assertThat(reloaded.version()).isEqualTo(2);
        assertThat(reloaded.chunks().size()).isEqualTo(1);
    }

    @Test
    void theNewestVoterSetRulesAsSoonAsLoggedAndACutBringsBackTheOneBefore() throws Exception {
        List<Entry> sent;
        try (HaLog leader = open(tmp.resolve("leader"), MetaState.empty(Clock.systemUTC(), 1))) {
            leader.append(new LogEntry(1, 0, 0, new TermStart(1)));
            leader.append(new LogEntry(2, 0, 0, new Voters(List.of("h:1", "h:2", "h:3"))));
            leader.append(new LogEntry(3, 0, 0, new ChunkRecord.Created(7, 1)));
            leader.append(new LogEntry(4, 0, 0, new Voters(List.of("h:1", "h:2", "h:3", "h:4"))));
            leader.sync(4);
            assertThat(leader.voters()).hasSize(4);
            sent = leader.entriesFrom(1, 10);
        }
        Path dir = tmp.resolve("follower");
        MetaState state = MetaState.empty(Clock.systemUTC(), 1);
        AtomicLong changes = new AtomicLong();
        try (HaLog follower = open(dir, state)) {
            follower.onVoters(changes::incrementAndGet);
            assertThat(follower.voters()).as("none logged: the configuration's rule").isEmpty();
            follower.appendFromLeader(1, sent.subList(0, 3));
            follower.sync(3);
            assertThat(follower.voters()).containsExactly("h:1", "h:2", "h:3");
            follower.appendFromLeader(4, sent.subList(3, 4));
            assertThat(follower.voters()).as("used before it is committed or durable").hasSize(4);
            assertThat(follower.votersVersion()).isEqualTo(4);
            follower.sync(4);
        }
        try (HaLog reopened = open(dir, MetaStore.recover(dir, Clock.systemUTC(), 1, false))) {
            assertThat(reopened.voters()).as("read back from the changelog").hasSize(4);
            reopened.onVoters(changes::incrementAndGet);
            reopened.truncateAfter(3);
            assertThat(reopened.voters()).containsExactly("h:1", "h:2", "h:3");
            assertThat(reopened.votersVersion()).isEqualTo(2);
        }
        assertThat(changes.get()).as("told of each change: two appends and a cut").isEqualTo(3);
    }
}
