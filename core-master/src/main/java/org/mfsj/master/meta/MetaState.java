package org.mfsj.master.meta;

import java.time.Clock;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.RegistryListener;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.op.NamespaceRecord;

/**
 * Everything the master keeps durable, at one metadata version: the namespace, the chunk registry
 * (ids, versions, goals; not where copies are), the reply cache, the highest client session
 * id seen, and the cluster's exports once a master has set them. One instance serves the live master; image rebuilds and tools make their own. Driven by
 * one thread.
 */
public final class MetaState {
    private final Namespace namespace;
    private final ChunkRegistry chunks;
    private final ReplyCache replies;
    private long version;
    private long maxSession;
    private long term;
    private ExportsSet exports;
    private java.util.List<String> voters = java.util.List.of();

    public MetaState(Namespace namespace, ChunkRegistry chunks, ReplyCache replies, long version, long maxSession) {
        this.namespace = namespace;
        this.chunks = chunks;
        this.replies = replies;
        this.version = version;
        this.maxSession = maxSession;
        namespace.setChunkListener(new RegistryListener(chunks));
        ChunkRefs.rebuild(namespace.tree(), chunks);
        namespace.tree().quotas().rebuild();
    }

    /** A new file system: the root alone, version 0. */
    public static MetaState empty(Clock clock, int defaultGoal) {
        return new MetaState(new Namespace(clock, defaultGoal), new ChunkRegistry(), new ReplyCache(), 0, 0);
    }

    public Namespace namespace() {
        return namespace;
    }

    public ChunkRegistry chunks() {
        return chunks;
    }

    public ReplyCache replies() {
        return replies;
    }

    /** Version of the last change applied (0 = none). */
    public long version() {
        return version;
    }

    /** Highest client session id any change came from; new sessions must be numbered above it. */
    public long maxSession() {
        return maxSession;
    }

    /**
     * Term of the last {@code TermStart} applied (master HA; 0 before any): the term of the entry
     * at {@link #version()}, which an image keeps so that a follower given the image knows it.
     */
    public long term() {
        return term;
    }

    /** The voting masters the newest {@code Voters} applied named; empty before any (the configuration's). */
    public java.util.List<String> voters() {
        return voters;
    }

    /** Sets the voters an image recorded (image loading only). */
    public void restoreVoters(java.util.List<String> imageVoters) {
        voters = java.util.List.copyOf(imageVoters);
    }

    /** Sets the term an image recorded (image loading only). */
    public void restoreTerm(long imageTerm) {
        term = imageTerm;
    }

    /** The cluster's exports, or null while no master has set them (each uses its own file then). */
    public ExportsSet exports() {
        return exports;
    }

    /** Sets the exports an image recorded (image loading only). */
    public void restoreExports(ExportsSet imageExports) {
        exports = imageExports;
    }

    /**
     * Applies a logged entry exactly as the live path did. Entries must come in version order
     * with no gap; a record that does not fit the state throws (the log is corrupt).
     */
    public void apply(LogEntry e) {
        if (e.version() != version + 1) {
            throw new IllegalStateException("entry version " + e.version() + " after " + version);
        }
        Object result = null;
        if (e.record() instanceof NamespaceRecord r) {
            result = namespace.replay(r);
        } else if (e.record() instanceof ChunkRecord r) {
            chunks.apply(r);
        } else if (!(e.record() instanceof TermStart || e.record() instanceof ExportsSet
                || e.record() instanceof SessionOpened || e.record() instanceof Voters)) {
            throw new IllegalStateException("no state for " + e.record().getClass().getSimpleName());
        }
        applied(e, result);
    }

    /** Notes an entry the live path applied itself: the version moves and its answer is cached. */
    void applied(LogEntry e, Object result) {
        version = e.version();
        if (e.record() instanceof TermStart t) {
            term = t.term();
        } else if (e.record() instanceof ExportsSet x) {
            exports = x;
        } else if (e.record() instanceof Voters v) {
            voters = v.masters();
        }
        // a call's later records that return nothing (its chunk's, after a create) keep its answer;
        // its preludes give none (a crash may have kept them without the change they lead to)
        if (e.session() != 0 && e.request() != 0 && !(e.record() instanceof Prelude)
                && (result != null || replies.get(e.session(), e.request()) == null)) {
            replies.put(e.session(), e.request(), result);
        }
        if (Long.compareUnsigned(e.session(), maxSession) > 0) {
            maxSession = e.session();
        }
    }
}
