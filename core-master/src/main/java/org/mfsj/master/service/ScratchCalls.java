package org.mfsj.master.service;

import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.ScratchWriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;

/**
 * The scratch calls: create+open, open a chunk and end a chunk write of a file in a scratch
 * directory, served exactly as their ordinary forms but answered once applied. A client writes
 * such a file privately and then puts it in view with one durable change (an S3 PUT's Publish);
 * since the log is ordered, that change's durability covers these. Should the master die first,
 * the client never hears the later change succeed, and the file's records are simply lost: its
 * name never showed, and chunks no file holds are dropped at the next start.
 *
 * <p>What keeps a lost early answer harmless: inode numbers and chunk ids handed out before a
 * restart are skipped after it ({@link IdGap}), so a client holding a lost file's number cannot
 * reach another file with it, and a chunk a chunkserver made for a lost record is an orphan, never
 * mistaken for a newer chunk with the same id. That is also why a scratch file's new chunk
 * (ScratchOpenChunk) is not ordered by the master at all: it answers with the chain at once and
 * the chain creates the chunk as the client's write session starts; a version bump of an existing
 * chunk still waits, as for every file.
 */
public final class ScratchCalls {
    private final ScratchArea area;
    private final ObjectCalls objects;
    private final ChunkWrites writes;
    private final ScratchShortcuts shortcuts;

    public ScratchCalls(Namespace ns, ObjectCalls objects, ChunkWrites writes, ChunkGrants grants) {
        this.area = new ScratchArea(ns);
        this.objects = objects;
        this.writes = writes;
        this.shortcuts = new ScratchShortcuts(ns, area, objects, writes, grants);
    }

    /** Call when the master starts serving, before the first change: see {@link IdGap}. */
    public static void skipIdGap(Namespace ns, ChunkRegistry chunks, long version) {
        IdGap.skip(ns.tree(), chunks, version);
    }

    public void register(RequestDispatcher d) {
        d.on(ScratchCreateOpen.class, (p, r) -> objects.createOpenScratch(r.call()), ErrorReplies::entry);
        d.answerOnceApplied(ScratchCreateOpen.class, r -> area.isScratchDir(r.call().parent()));
        d.onAsync(ScratchOpenChunk.class, (p, r) -> writes.open(p, r.call(), area.isScratchFile(r.call().inode())
                        ? ChunkWrites.NewChunks.BY_CHAIN : ChunkWrites.NewChunks.DURABLE_FIRST),
                (id, st) -> new WriteChunkReply(id, st, 0, 0, 0, java.util.List.of()));
        d.answerOnceApplied(ScratchOpenChunk.class, r -> area.isScratchFile(r.call().inode()));
        d.on(ScratchWriteChunkEnd.class, (p, r) -> writes.end(p, r.call()), ErrorReplies::attr);
        d.answerOnceApplied(ScratchWriteChunkEnd.class, r -> area.isScratchFile(r.call().inode()));
        shortcuts.register(d);
    }
}
