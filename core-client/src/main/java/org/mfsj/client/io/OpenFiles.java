package org.mfsj.client.io;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.mfsj.client.FileHandle;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * The inodes this client has open, each with its shared {@link Open}. An entry lives while a
 * handle is open or its writer still has data to send.
 */
public final class OpenFiles {
    private final Map<Long, OpenFile> files = new ConcurrentHashMap<>();
    /** Scratch files open here: the master does not count their opens, so their close tells it nothing. */
    private final Set<Long> scratchOpen = ConcurrentHashMap.newKeySet();
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
        WriteContext scratch = new WriteContext(ctx.master().rewriting(ScratchWrites::form), ctx.conns(), ctx.cache(),
                ctx.metrics(), ctx.bufferBytes(), ctx.windowBytes(), ctx.timeoutMs(), ctx.workers(), ctx.fileSync());
        OpenFile f = acquire(a.inode(), a.length(), scratch);
        scratchOpen.add(a.inode());
        return new DefaultFileHandle(f, this, new ReadAhead(a.inode(), reader, readAheadMax, ctx.metrics()), attrs,
                ctx.fileSync(), ctx.metrics(), creds, true, a);
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

    public List<OpenFile> all() {
        return List.copyOf(files.values());
    }
}
