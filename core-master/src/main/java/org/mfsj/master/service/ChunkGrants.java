package org.mfsj.master.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.chunks.WriteLocks;

/**
 * The chunk each recent scratch create-and-write (ScratchCreateWrite) was granted, by session and
 * request id, while that session still holds the chunk's write lock. A create retried after a lost
 * answer is given the same chunk, version and chain at once: otherwise its writer would ask for
 * chunk 0 again and wait, behind the lock its own first attempt took, until the lock timed out.
 *
 * <p>Kept in this master's memory only, like the locks: a new leader holds no lock, so a retry
 * there gets the file without a chunk and its writer is granted one at once.
 */
public final class ChunkGrants {
    /** Far more than the creates a gateway has in flight; older grants end with their write anyway. */
    static final int KEPT = 4096;

    /** A grant: the chunk reply, and whether the chain creates the chunk. */
    record Grant(long session, WriteChunkReply chunk, boolean created) {
    }

    private record Key(long session, long request) {
    }

    private final WriteLocks locks;
    private final Map<Key, Grant> grants = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Grant> eldest) {
            return size() > KEPT;
        }
    };

    public ChunkGrants(WriteLocks locks) {
        this.locks = locks;
    }

    /** Request {@code request} of {@code session} was granted {@code chunk}. */
    void granted(long session, long request, WriteChunkReply chunk, boolean created) {
        if (session != 0 && request != 0 && chunk.status().isOk()) {
            grants.put(new Key(session, request), new Grant(session, chunk, created));
        }
    }

    /**
     * The grant request {@code request} of {@code session} got, answered as message {@code msgId},
     * if the session still holds that chunk's lock; null otherwise (the write ended, or the lock
     * expired and may be another's: the writer must ask anew).
     */
    Grant find(long session, long request, int msgId) {
        Grant g = grants.get(new Key(session, request));
        if (g == null || !locks.isHeldBy(g.chunk().chunkId(), session)) {
            return null;
        }
        WriteChunkReply c = g.chunk();
        return new Grant(session, new WriteChunkReply(msgId, c.status(), c.fileLength(), c.chunkId(), c.version(),
                c.chain()), g.created());
    }
}
