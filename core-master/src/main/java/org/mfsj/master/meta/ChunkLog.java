package org.mfsj.master.meta;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.StorageServer;

/**
 * Chunk facts that must survive a restart, made and logged in one step: new chunk ids and chunk
 * versions. A chunkserver must never hold an id or a version the log could lose, or a restarted
 * master would hand the id out again or take the newest copies for stale ones; so callers send
 * their order only once {@link #durable()} completes. The one exception is a new chunk of a
 * scratch file, safe because a restarted master skips the ids its last life may have handed out.
 */
public final class ChunkLog {
    private final ChunkRegistry registry;
    private final Journal journal;
    private final Durability durability;

    public ChunkLog(ChunkRegistry registry, Journal journal, Durability durability) {
        this.registry = registry;
        this.journal = journal;
        this.durability = durability;
    }

    /** A new chunk id, logged. */
    public Chunk create(int goal) {
        Chunk c = registry.create(goal);
        journal.record(new ChunkRecord.Created(c.id(), goal), null);
        return c;
    }

    /** Issues the next version of {@code c} (not in effect yet) and logs it. */
    public int issueVersion(Chunk c) {
        int next = c.nextVersion();
        journal.record(new ChunkRecord.Version(c.id(), c.version(), c.issued()), null);
        return next;
    }

    /** The copies on {@code updated} moved to {@code version}; the others are stale from now on. */
    public void versionChanged(Chunk c, int version, Set<StorageServer> updated) {
        registry.changeVersion(c, version, updated);
        journal.record(new ChunkRecord.Version(c.id(), c.version(), c.issued()), null);
    }

    /** Drops a chunk whose creation failed everywhere. */
    public void forget(Chunk c) {
        if (c.replicas().isEmpty() && registry.get(c.id()) == c) {
            registry.forget(c);
            journal.record(new ChunkRecord.Forgotten(c.id()), null);
        }
    }

    /** Completes once everything logged so far is durable. */
    public CompletableFuture<Void> durable() {
        return durability.when(journal.awaitedVersion());
    }
}
