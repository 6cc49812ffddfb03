package org.mfsj.master.changelog;

import java.io.IOException;
import org.mfsj.master.meta.LogEntry;

/**
 * The metadata changelog: an append-only sequence of entries numbered by strictly increasing
 * versions. This is the one seam the rest of the master writes through, and the one a replicated
 * log (master HA, perhaps Apache Ratis) would implement instead of local files: append on the
 * leader, sync = durable on a majority, read = stream to a follower from any version.
 */
public interface MetaLog extends AutoCloseable {
    /** Where the log reports progress; called on the log's own thread, so handlers hand work on. */
    interface Listener {
        /** Every entry up to {@code version} is durable. */
        void durable(long version);

        /**
         * As {@link #durable}, told on the master thread itself (master HA: the commit moves there),
         * so the news may be acted on at once rather than queued behind the master's other work.
         */
        default void durableOnMaster(long version) {
            durable(version);
        }

        /** The log cannot write any more; the master must stop serving. */
        void failed(IOException error);
    }

    /** Version of the last entry appended, durable or not (0 = none ever). */
    long lastVersion();

    /** Version up to which every entry is durable. */
    long durableVersion();

    /**
     * Appends the next entry; its version must be {@link #lastVersion()} + 1. Returns at once: the
     * entry becomes durable in the background, together with whatever else was appended meanwhile.
     */
    void append(LogEntry e);

    /**
     * Until {@link #releaseForces}, entries the calling thread appends wait to be forced together
     * (one request that makes several changes is answered after one force, not two); other threads'
     * holds meanwhile are ignored. A {@link #sync} of the holder lets them go.
     */
    default void holdForces() {
    }

    /** Ends the calling thread's {@link #holdForces}. */
    default void releaseForces() {
    }

    /** Blocks until every entry up to {@code version} is durable (shutdown, tools, tests). */
    void sync(long version) throws IOException, InterruptedException;

    /** A cursor over durable entries from {@code fromVersion} on, up to the durable version now. */
    LogCursor read(long fromVersion) throws IOException;

    /** Ends the current segment at the next append, so segments wholly below an image can go. */
    void rotate();

    /**
     * Drops old segments: those whose entries are all at or below {@code coveredVersion} (an image
     * holds them), keeping at least the newest {@code keep} segments whatever they hold.
     */
    void dropCovered(long coveredVersion, int keep) throws IOException;

    /** Batches forced so far and records in them: records per batch is the group-commit gain. */
    default long[] commitStats() {
        return new long[2];
    }

    @Override
    void close() throws IOException;
}
