package org.mfsj.master.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;
import org.mfsj.master.changelog.ChangelogRecovery;
import org.mfsj.master.changelog.FileChangelog;
import org.mfsj.master.changelog.LogCursor;
import org.mfsj.master.changelog.MetaLog;
import org.mfsj.master.changelog.Segment;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.TermStart;
import org.mfsj.master.meta.Voters;
import org.mfsj.master.meta.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelog of a replicated master: the local files ({@link FileChangelog}) plus the terms of
 * their entries. To the rest of the master it is an ordinary {@link MetaLog} whose entries become
 * "durable" only once a majority of the voting masters has them durable (the commit version), so
 * replies and chunkserver orders wait for the majority with no other change. To the consensus core
 * it is a {@link RaftLog}: a follower appends the leader's entries here and applies them to the
 * metadata at once (hot standby). Used on the master thread, except where noted.
 */
public final class HaLog implements MetaLog, RaftLog {
    private static final Logger LOG = LoggerFactory.getLogger(HaLog.class);
    private static final long RECENT_BYTES = 64L << 20;

    private final FileChangelog local;
    private final MetaState state;
    private final MetaLog.Listener commits;
    private final TermHistory terms;
    private final VoterHistory voters;
    private final RecentEntries recent;
    /** Versions from here on have a known term (the image's, or the first term start kept). */
    private final long knownFrom;
    private volatile long commit;
    private Runnable onAppend = () -> { };
    private Runnable onVoters = () -> { };
    private boolean sealed;

    private HaLog(FileChangelog local, MetaState state, MetaLog.Listener commits, TermHistory terms,
            VoterHistory voters) {
        this.local = local;
        this.state = state;
        this.commits = commits;
        this.terms = terms;
        this.voters = voters;
        this.recent = new RecentEntries(RECENT_BYTES, local.lastVersion() + 1);
        this.knownFrom = terms.firstStart();
    }

    /**
     * Continues the log in {@code dir} after {@code state} (loaded from it). {@code commits} hears
     * of versions a majority holds; {@code localDurable} runs on {@code master} when this master's
     * own copy moved on, after {@code durableNow} heard it on the changelog's own thread (a
     * follower acknowledges from there). Nothing counts as committed until a leader says so (or,
     * leading, until this master's first entry of its term has a majority).
     */
    public static HaLog open(Path dir, MetaState state, long segmentBytes, Executor master,
            MetaLog.Listener commits, Runnable localDurable, LongConsumer durableNow) throws IOException {
        TermHistory terms = new TermHistory();
        VoterHistory voters = new VoterHistory();
        readHistory(dir, terms, voters);
        FileChangelog local = FileChangelog.open(dir, state.version(), segmentBytes, new MetaLog.Listener() {
            @Override
            public void durable(long version) {
                try {
                    durableNow.accept(version);
                } catch (RuntimeException e) {
                    // never lost with the writer's thread: the master thread acknowledges anyway
                    LOG.error("acknowledging version {} from the changelog thread failed", version, e);
                }
                master.execute(localDurable);
            }

            @Override
            public void failed(IOException error) {
                commits.failed(error);
            }
        });
        return new HaLog(local, state, commits, terms, voters);
    }

    /**
     * Where each term begins and each voter set was logged: the image's at its version (its last
     * entry may lie in a file no longer kept), then the entries in the changelog files kept.
     */
    private static void readHistory(Path dir, TermHistory terms, VoterHistory voters) throws IOException {
        Path file = dir.resolve(ImageReader.NAME);
        ImageReader.Base image = Files.exists(file) ? ImageReader.base(file) : new ImageReader.Base(0, -1);
        if (image.term() >= 0) {
            terms.begins(image.version(), image.term());
        }
        if (!image.voters().isEmpty()) {
            voters.set(image.version(), image.voters());
        }
        List<Segment> segments = Segment.list(dir);
        if (!segments.isEmpty()) {
            ChangelogRecovery.replay(dir, segments.get(0).firstVersion(), e -> {
                if (e.record() instanceof TermStart t) {
                    terms.begins(e.version(), t.term());
                } else if (e.record() instanceof Voters v) {
                    voters.set(e.version(), v.masters());
                }
            }, false);
        }
    }

    /** Runs on the master thread whenever the newest voter set in this log changed. */
    public void onVoters(Runnable r) {
        onVoters = r;
    }

    /** The newest voter set in this log, committed or not: its addresses, empty when none was logged. */
    public List<String> voters() {
        VoterHistory.Set s = voters.newest();
        return s == null ? List.of() : s.masters();
    }

    /** The version of the entry that set {@link #voters()} (0 when none). */
    public long votersVersion() {
        VoterHistory.Set s = voters.newest();
        return s == null ? 0 : s.version();
    }

    /** Runs after each local append on the leader (to send the entries on). */
    public void onAppend(Runnable r) {
        onAppend = r;
    }

    // ---- MetaLog: the leader's journal writes here ----

    @Override
    public long lastVersion() {
        return local.lastVersion();
    }

    /** Committed: held durable by a majority (any thread). */
    @Override
    public long durableVersion() {
        return Math.min(commit, local.durableVersion());
    }

    /** After a step-down: nothing more may be written until the metadata is reloaded. */
    public void seal() {
        sealed = true;
    }

    @Override
    public void append(LogEntry e) {
        if (sealed) {
            throw new IllegalStateException("this master no longer leads; change " + e.version() + " refused");
        }
        long term = e.record() instanceof TermStart t ? t.term() : terms.termAt(local.lastVersion());
        if (e.record() instanceof TermStart) {
            terms.begins(e.version(), term);
        }
        byte[] payload = RecordCodec.encode(e);
        local.appendEncoded(e.version(), payload);
        recent.add(new Entry(term, payload));
        if (e.record() instanceof Voters v) {
            voters.set(e.version(), v.masters());
            onVoters.run();
        }
        onAppend.run();
    }

    @Override
    public void sync(long version) throws IOException, InterruptedException {
        local.sync(version);
    }

    /** Committed entries only (images are made of these). */
    @Override
    public LogCursor read(long fromVersion) throws IOException {
        return local.read(fromVersion, durableVersion());
    }

    @Override
    public void rotate() {
        local.rotate();
    }

    @Override
    public void dropCovered(long coveredVersion, int keep) throws IOException {
        local.dropCovered(coveredVersion, keep);
    }

    @Override
    public long[] commitStats() {
        return local.commitStats();
    }

    @Override
    public void close() throws IOException {
        local.close();
    }

    // ---- RaftLog ----

    @Override
    public long floor() {
        long first = local.firstVersion();
        // no term known at all (history from before images kept terms): only the files bound it
        long known = knownFrom == Long.MAX_VALUE ? 0 : knownFrom;
        return first <= 1 ? 0 : Math.max(first - 1, known);
    }

    @Override
    public long localDurable() {
        return local.durableVersion();
    }

    @Override
    public long termAt(long version) {
        return terms.termAt(version);
    }

    @Override
    public long termStart(long version) {
        return terms.startOf(version);
    }

    @Override
    public boolean truncateAfter(long version) {
        try {
            local.truncateAfter(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cutting the changelog", e);
        }
        terms.truncateAfter(version);
        recent.truncateAfter(version);
        long before = votersVersion();
        voters.truncateAfter(version);
        if (votersVersion() != before) {
            onVoters.run();
        }
        return state.version() <= version;
    }

    @Override
    public void appendFromLeader(long firstVersion, List<Entry> entries) {
        long v = firstVersion;
        List<byte[]> applied = new ArrayList<>(entries.size());
        try {
            for (Entry en : entries) {
                LogEntry e = RecordCodec.decode(en.record());
                if (e.version() != v) {
                    throw new IllegalStateException("leader sent version " + e.version() + " where " + v + " belongs");
                }
                // applied first: an entry that does not fit the metadata is refused, never logged
                state.apply(e);
                if (en.term() != terms.termAt(v - 1) || e.record() instanceof TermStart) {
                    terms.begins(v, en.term());
                }
                applied.add(en.record());
                recent.add(en);
                if (e.record() instanceof Voters set) {
                    voters.set(v, set.masters());
                    onVoters.run();
                }
                v++;
            }
        } finally {
            // what the metadata took is logged, in one hand-over to the writer (one wake-up)
            local.appendEncoded(firstVersion, applied);
        }
    }

    @Override
    public List<Entry> entriesFrom(long version, int max) {
        if (recent.holds(version)) {
            return recent.from(version, max);
        }
        List<Entry> out = new ArrayList<>();
        long upTo = Math.min(local.durableVersion(), version + max - 1);
        if (version > upTo) {
            return out;
        }
        try (LogCursor c = local.read(version, upTo)) {
            for (LogEntry e = c.next(); e != null; e = c.next()) {
                out.add(new Entry(terms.termAt(e.version()), RecordCodec.encode(e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read changelog from version " + version + " for a follower", e);
        }
        return out;
    }

    @Override
    public void committed(long version) {
        if (version > commit) {
            commit = version;
            commits.durableOnMaster(version);
        }
    }

    public long commitVersion() {
        return commit;
    }
}
