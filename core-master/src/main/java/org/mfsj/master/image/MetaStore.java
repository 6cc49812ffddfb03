package org.mfsj.master.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.mfsj.master.changelog.ChangelogRecovery;
import org.mfsj.master.changelog.FileChangelog;
import org.mfsj.master.changelog.MetaLog;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.meta.Durability;
import org.mfsj.master.meta.Journal;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's metadata on disk, in its data directory: start-up (newest image, then the
 * changelog tail, a torn last record cut off), and the live changelog after it. A damaged image
 * or changelog stops the start with the file and offset named: better no master than a master
 * serving wrong metadata.
 */
public final class MetaStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaStore.class);

    /** Opens the changelog that continues {@code state}, reporting to {@code durability}. */
    @FunctionalInterface
    public interface LogOpener {
        MetaLog open(MetaState state, Durability durability) throws IOException;
    }

    private final MetaState state;
    private final MetaLog log;
    private final Durability durability;
    private final Journal journal;

    private MetaStore(MetaState state, MetaLog log, Durability durability) {
        this.state = state;
        this.log = log;
        this.durability = durability;
        this.journal = new Journal(state, log);
    }

    /**
     * Loads {@code dir} and opens its changelog for appending. A directory with no image gets one
     * (an empty file system) before anything else, so every later image derives from a saved one.
     * {@code master} is where durability news is handed; {@code onFailure} runs there if the
     * changelog cannot be written.
     */
    public static MetaStore open(Path dir, Clock clock, int defaultGoal, long segmentBytes, Executor master,
            Runnable onFailure) throws IOException {
        MetaStore store = open(dir, clock, defaultGoal, master, onFailure,
                (state, durability) -> FileChangelog.open(dir, state.version(), segmentBytes, durability));
        store.dropUnclaimedChunks();
        return store;
    }

    /**
     * As above, with the changelog {@code opener} gives (a replicated one for master HA), and
     * without {@link #dropUnclaimedChunks()}: a follower's log goes on, and may still put such a
     * chunk in a file; a replicated master drops them when it starts to lead.
     */
    public static MetaStore open(Path dir, Clock clock, int defaultGoal, Executor master, Runnable onFailure,
            LogOpener opener) throws IOException {
        return open(dir, clock, defaultGoal, null, master, onFailure, opener);
    }

    /**
     * As above, starting from {@code image} when not null: the state of {@code dir}'s image, loaded
     * already (a follower checks a received image by loading it in full before it installs it; a
     * large image is not read twice).
     */
    public static MetaStore open(Path dir, Clock clock, int defaultGoal, MetaState image, Executor master,
            Runnable onFailure, LogOpener opener) throws IOException {
        long started = System.nanoTime();
        MetaState state = recover(dir, clock, defaultGoal, true, image);
        LOG.info("metadata of {} loaded at version {} in {} ms: {} inodes, {} chunks", dir, state.version(),
                (System.nanoTime() - started) / 1_000_000, state.namespace().tree().inodeCount(),
                state.chunks().size());
        Durability durability = new Durability(master, state.version(), onFailure);
        return new MetaStore(state, opener.open(state, durability), durability);
    }

    /**
     * The state in {@code dir}: its image (or a new empty one, saved when {@code write}) plus
     * every changelog entry after it. With {@code write}, a torn last record is cut off the file.
     */
    public static MetaState recover(Path dir, Clock clock, int defaultGoal, boolean write) throws IOException {
        return recover(dir, clock, defaultGoal, write, null);
    }

    private static MetaState recover(Path dir, Clock clock, int defaultGoal, boolean write, MetaState loaded)
            throws IOException {
        Path image = dir.resolve(ImageFormat.NAME);
        MetaState state;
        if (loaded != null) {
            state = loaded;
        } else if (Files.exists(image)) {
            state = ImageReader.load(image, clock);
        } else {
            state = MetaState.empty(clock, defaultGoal);
            if (write) {
                ImageWriter.write(state, dir);
                LOG.info("new file system: empty image written to {}", image);
            }
        }
        ChangelogRecovery.replay(dir, state.version() + 1, state::apply, write);
        return state;
    }

    /**
     * Chunks whose creation was logged but that no file holds: the master stopped between the two.
     * Marked unreferenced, so copies chunkservers report are deleted instead of kept at a goal
     * forever. Derived, not logged: every start (every leadership, with HA) does it again. Only
     * when this master is the one that will write the log on, so that no later entry can claim them.
     */
    public void dropUnclaimedChunks() {
        int unclaimed = dropUnclaimedChunks(state);
        if (unclaimed > 0) {
            LOG.info("{} chunk(s) were created but never put in a file before the master stopped; their copies "
                    + "will be deleted", unclaimed);
        }
    }

    private static int dropUnclaimedChunks(MetaState state) {
        Set<Long> used = new HashSet<>();
        for (Inode n : state.namespace().tree().all()) {
            if (n instanceof FileNode f) {
                for (long id : f.chunks()) {
                    if (id != 0) {
                        used.add(id);
                    }
                }
            }
        }
        List<Long> unclaimed = state.chunks().all().stream().filter(c -> c.referenced() && !used.contains(c.id()))
                .map(Chunk::id).toList();
        unclaimed.forEach(state.chunks()::unreferenced);
        return unclaimed.size();
    }

    public MetaState state() {
        return state;
    }

    public MetaLog log() {
        return log;
    }

    public Journal journal() {
        return journal;
    }

    public Durability durability() {
        return durability;
    }

    /** Waits until everything appended is durable, then stops the changelog. */
    @Override
    public void close() throws IOException {
        try {
            log.sync(log.lastVersion());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.close();
        }
    }
}
