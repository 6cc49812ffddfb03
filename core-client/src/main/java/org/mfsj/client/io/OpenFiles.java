package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.mfsj.client.FileHandle;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.ReportOpens;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;

/**
 * The inodes this client has open, each with its shared {@link Open}. An entry lives while a
 * handle is open or its writer still has data to send.
 */
public final class OpenFiles {
    private final Map<Long, OpenFile> files = new ConcurrentHashMap<>();
    /** Scratch files open here: the master does not count their opens, so their close tells it nothing. */
    private final Set<Long> scratchOpen = ConcurrentHashMap.newKeySet();
    /** Scratch files whose writers keep their chunk ends for the publish, by directory and name. */
    private final Map<String, ScratchChunkCalls> scratchNames = new ConcurrentHashMap<>();
    private final WriteContext ctx;
    private final ChunkReader reader;
    private final AttrSource attrs;
    private final long readAheadMax;
    private final LongConsumer onClose;

    /** {@code onClose} hears of every handle closed, by inode (the master counts opens). */
    public OpenFiles(WriteContext ctx, ChunkReader reader, AttrSource attrs, long readAheadMax, LongConsumer onClose) {
        this.ctx = ctx;
        this.reader = reader;
        this.attrs = attrs;
        this.readAheadMax = readAheadMax;
        this.onClose = onClose;
    }

    /** A new handle on the regular file {@code a} describes. */
    public FileHandle open(Creds creds, Attr a, boolean forWrite) {
        OpenFile f = acquire(a.inode(), a.length());
        return new DefaultFileHandle(f, this, new ReadAhead(a.inode(), reader, readAheadMax, ctx.metrics()), attrs,
                ctx.fileSync(), ctx.metrics(), creds, forWrite, a);
    }

    /**
     * A handle on a new file of a scratch directory that this client just made: its writer sends
     * the scratch forms of the chunk calls, which the master answers once applied. Its close sends
     * no Release: the master did not count this open (the Publish that follows ends the file's
     * scratch life).
     */
    public FileHandle openScratch(Creds creds, Attr a) {
        return openScratch(creds, a, null, null);
    }

    /**
     * As {@link #openScratch(Creds, Attr)} for the scratch file known as {@code key}, whose chunk 0
     * the create opened ({@code firstChunk}, null if it did not): the writer uses that chunk, and
     * keeps the OK ends of its sessions for {@link #takeScratchEnds}, which the publish carries.
     */
    public FileHandle openScratch(Creds creds, Attr a, String key, WriteChunkReply firstChunk) {
        MasterCalls master = ctx.master().rewriting(ScratchWrites::form);
        if (key != null) {
            ScratchChunkCalls calls = new ScratchChunkCalls(master, a, firstChunk);
            scratchNames.put(key, calls);
            master = master.answering(calls);
        }
        WriteContext scratch = new WriteContext(master, ctx.conns(), ctx.cache(), ctx.metrics(), ctx.bufferBytes(),
                ctx.windowBytes(), ctx.timeoutMs(), ctx.workers(), ctx.fileSync());
        OpenFile f = acquire(a.inode(), a.length(), scratch);
        scratchOpen.add(a.inode());
        return new DefaultFileHandle(f, this, new ReadAhead(a.inode(), reader, readAheadMax, ctx.metrics()), attrs,
                ctx.fileSync(), ctx.metrics(), creds, true, a);
    }

    /**
     * The chunk ends the scratch file {@code key} (as opened by {@link #openScratch(Creds, Attr,
     * String, WriteChunkReply)}) kept for its publish, in order; empty for any other key. The file
     * is forgotten here: call once its writes are done (published or discarded).
     */
    public List<WriteChunkEnd> takeScratchEnds(String key) {
        ScratchChunkCalls calls = scratchNames.remove(key);
        return calls == null ? List.of() : calls.takeKept();
    }

    /** The shared state of {@code inode}, made if needed, with one more handle counted. */
    OpenFile acquire(long inode, long length) {
        return acquire(inode, length, ctx);
    }

    private OpenFile acquire(long inode, long length, WriteContext writeCtx) {
        return files.compute(inode, (k, f) -> {
            OpenFile of = f;
            if (of == null) {
                of = new OpenFile(inode, length, writeCtx, () -> removeIfUnused(inode));
            } else if (of.isIdle()) {
                // nothing of ours in flight: the master's word is the truth (another client may have truncated)
                of.masterLength(length, of.changes());
            } else {
                of.recordedLength(length);
            }
            of.addRef();
            return of;
        });
    }

    /** One handle fewer; the entry goes when none is left and nothing remains to write. */
    public void release(OpenFile f) {
        files.computeIfPresent(f.inode(), (k, cur) -> {
            if (cur != f) {
                return cur;
            }
            f.dropRef();
            return f.refs() <= 0 && f.isIdle() ? null : f;
        });
        if (!scratchOpen.remove(f.inode())) {
            onClose.accept(f.inode());
        }
    }

    private void removeIfUnused(long inode) {
        files.computeIfPresent(inode, (k, f) -> f.refs() <= 0 && f.isIdle() ? null : f);
    }

    /** The open state of {@code inode}, or null when no handle of this client has it open. */
    public OpenFile find(long inode) {
        return files.get(inode);
    }

    /** {@code a} with the length of this client's unflushed writes to the file, if it has it open. */
    public Attr patch(Attr a) {
        OpenFile open = files.get(a.inode());
        return open == null ? a : open.patch(a);
    }

    /**
     * Tells the master which files this client has open, with their handles: a resumed session may
     * be on a new leader, which never saw those opens, and a file unlinked by another client must
     * stay until it is closed here. Scratch files are left out (the master does not count their opens).
     */
    public void reportOpens() throws MfsException {
        List<ReportOpens.OpenCount> open = new ArrayList<>();
        files.forEach((inode, f) -> {
            int handles = f.refs();
            if (handles > 0 && !scratchOpen.contains(inode)) {
                open.add(new ReportOpens.OpenCount(inode, handles));
            }
        });
        for (int from = 0; from < open.size(); from += ReportOpens.MAX_FILES) {
            List<ReportOpens.OpenCount> batch = open.subList(from, Math.min(open.size(), from + ReportOpens.MAX_FILES));
            ctx.master().status(id -> new ReportOpens(id, batch), "report " + batch.size() + " open file(s)");
        }
    }

    public List<OpenFile> all() {
        return List.copyOf(files.values());
    }
}
