package org.mfsj.master.chunks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every chunk the master knows, with its copies. Plain state owned by the master thread: it
 * records what servers report and what orders achieved, and never sends anything itself.
 *
 * <p>Chunks no file references (goal 0) stay only as long as some copy of them exists, so that
 * the planner can order those copies deleted; the last copy gone, the chunk is forgotten.
 *
 * <p>Every change of goal, version or copies passes through here, so the registry also keeps
 * the chunks that need the chunk loop's attention (see {@link Chunk#settled}): the loop walks
 * those, not every chunk the master knows.
 */
public final class ChunkRegistry {
    private final Map<Long, Chunk> chunks = new HashMap<>();
    private final Set<Chunk> unsettled = new LinkedHashSet<>();
    private long nextId = 1;

    /** A new chunk id (from a 64-bit counter, never reused) at version 1, with no copies yet. */
    public Chunk create(int goal) {
        if (goal < 1) {
            throw new IllegalArgumentException("goal " + goal);
        }
        Chunk c = new Chunk(nextId++, 1, goal);
        chunks.put(c.id(), c);
        return c;
    }

    /**
     * Applies a logged chunk fact exactly as the live path made it; for replay, followers and
     * image rebuilds. The live path applied it already when it logged it.
     */
    public void apply(ChunkRecord r) {
        if (r instanceof ChunkRecord.Created c) {
            restore(c.chunkId(), 1, 1, c.goal());
        } else if (r instanceof ChunkRecord.Version v) {
            Chunk c = require(v.chunkId());
            c.restoreVersions(v.version(), v.issued());
            recheck(c);
        } else if (r instanceof ChunkRecord.Forgotten f) {
            forget(require(f.chunkId()));
        }
    }

    /** A chunk as an image or a creation record holds it, with no copies yet. */
    public Chunk restore(long chunkId, int version, int issued, int goal) {
        Chunk c = new Chunk(chunkId, version, goal);
        c.restoreVersions(version, issued);
        if (chunks.putIfAbsent(chunkId, c) != null) {
            throw new IllegalStateException("chunk " + ChunkIds.hex(chunkId) + " exists");
        }
        if (Long.compareUnsigned(chunkId, nextId) >= 0) {
            nextId = chunkId + 1;
        }
        return c;
    }

    /** The id the next new chunk gets. */
    public long nextId() {
        return nextId;
    }

    /** For an image load: ids below {@code next} were handed out once and are never reused. */
    public void reserveIdsBelow(long next) {
        if (Long.compareUnsigned(next, nextId) > 0) {
            nextId = next;
        }
    }

    private Chunk require(long chunkId) {
        Chunk c = chunks.get(chunkId);
        if (c == null) {
            throw new IllegalStateException("record names chunk " + ChunkIds.hex(chunkId) + ", which is unknown");
        }
        return c;
    }

    public Chunk get(long chunkId) {
        return chunks.get(chunkId);
    }

    public Collection<Chunk> all() {
        return Collections.unmodifiableCollection(chunks.values());
    }

    /**
     * The chunks not settled: under or over goal, with stale copies, or unreferenced with copies
     * left. A live view: read it before changing the registry again.
     */
    public Collection<Chunk> needingAttention() {
        return Collections.unmodifiableCollection(unsettled);
    }

    public int size() {
        return chunks.size();
    }

    /**
     * A server holds a copy. An id the registry does not know becomes an unreferenced chunk (an
     * orphan, to be deleted), and the id counter moves past it so no new chunk can ever share it.
     */
    public Chunk addCopy(StorageServer server, long chunkId, int version) {
        Chunk c = chunks.get(chunkId);
        if (c == null) {
            c = new Chunk(chunkId, version, 0);
            chunks.put(chunkId, c);
            if (Long.compareUnsigned(chunkId, nextId) >= 0) {
                nextId = chunkId + 1;
            }
        }
        if (Integer.compareUnsigned(version, c.version()) > 0
                && Integer.compareUnsigned(version, c.issued()) <= 0) {
            // a version was issued and this copy took it, but the master stopped before logging
            // that it took effect: the copy is the newest, older ones are stale
            c.setVersion(version);
        }
        var existing = c.replicaOn(server);
        if (existing.isPresent()) {
            existing.get().setVersion(version);
        } else {
            c.mutableReplicas().add(new Replica(server, version));
            server.addChunk(chunkId);
        }
        recheck(c);
        return c;
    }

    /** A copy is gone (deleted, damaged, lost with a disk). */
    public void removeCopy(StorageServer server, long chunkId) {
        Chunk c = chunks.get(chunkId);
        server.removeChunk(chunkId);
        if (c == null) {
            return;
        }
        c.mutableReplicas().removeIf(r -> r.server() == server);
        recheck(c);
        pruneIfDead(c);
    }

    /** A server left: none of its copies count any more; they come back if it registers again. */
    public void removeServer(StorageServer server) {
        List<Long> ids = new ArrayList<>(server.chunkIds());
        for (long id : ids) {
            removeCopy(server, id);
        }
    }

    /** The goal of the files referencing the chunk changed (goal 0 is refused: use unreferenced). */
    public void setGoal(long chunkId, int goal) {
        Chunk c = chunks.get(chunkId);
        if (c != null && goal > 0) {
            c.setGoal(goal);
            recheck(c);
        }
    }

    /** One file slot fewer names the chunk; with none left every copy is to be deleted. */
    public void unreferenced(long chunkId) {
        Chunk c = chunks.get(chunkId);
        if (c == null) {
            return;
        }
        c.setRefs(c.refs() - 1);
        if (c.refs() <= 0) {
            c.setRefs(0);
            c.setGoal(0);
            recheck(c);
            pruneIfDead(c);
        }
    }

    /** One more file slot names the chunk (a snapshot shares it). */
    public void referenced(long chunkId) {
        Chunk c = chunks.get(chunkId);
        if (c == null) {
            throw new IllegalStateException("a file shares chunk " + ChunkIds.hex(chunkId) + ", which is unknown");
        }
        c.setRefs(c.refs() + 1);
    }

    /**
     * For a load: reference counts are not saved but counted from the files; a chunk named by
     * no file keeps the one reference its creation gave it.
     */
    public void restoreRefs(Map<Long, Integer> slots) {
        slots.forEach((id, n) -> {
            Chunk c = chunks.get(id);
            if (c != null && c.referenced()) {
                c.setRefs(n);
            }
        });
    }

    /** Drops a chunk that never got a copy (its creation failed everywhere). */
    public void forget(Chunk c) {
        if (c.replicas().isEmpty() && chunks.remove(c.id(), c)) {
            unsettled.remove(c);
        }
    }

    /**
     * The chunk moved to {@code newVersion}; the copies on {@code updated} moved with it, every
     * other copy keeps its old version and is stale from now on.
     */
    public void changeVersion(Chunk c, int newVersion, Set<StorageServer> updated) {
        c.setVersion(newVersion);
        for (Replica r : c.mutableReplicas()) {
            if (updated.contains(r.server())) {
                r.setVersion(newVersion);
            }
        }
        recheck(c);
    }

    /** Health figures over the chunks files reference, for status tools. */
    public ChunkStats stats() {
        return ChunkStats.of(chunks.values());
    }

    private void pruneIfDead(Chunk c) {
        if (!c.referenced() && c.replicas().isEmpty() && chunks.remove(c.id(), c)) {
            unsettled.remove(c);
        }
    }

    private void recheck(Chunk c) {
        if (c.settled()) {
            unsettled.remove(c);
        } else {
            unsettled.add(c);
        }
    }
}
