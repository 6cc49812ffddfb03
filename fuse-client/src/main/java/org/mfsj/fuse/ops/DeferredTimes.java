package org.mfsj.fuse.ops;

import java.util.function.LongSupplier;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.cache.PendingTimes;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;

/**
 * Explicit access and modification times set on a file this mount has open for writing (tar -x
 * sets them on the open file after its data). The master moves the mtime when buffered writes
 * land, so sent at once they would need those writes to land first: a wait for the chunk chain
 * and the master in the middle of every such file. Instead they are kept, shown in every attribute
 * this mount hands out, and sent after the writes at the next close or fsync; a write or a change
 * of length or times in between sends them first, so the order of changes stays what the program
 * made. Another client sees them after the close, as it sees the data (close-to-open).
 *
 * <p>A chmod of such a file (tar -x makes each file 0600 and sets its mode after the data) is kept
 * the same way and goes in the same master call: one changelog force per file instead of two. Not
 * when either mode has a set-id bit (the master may clear those, so the result is its own), and
 * any other change of the file that reaches the master, or an open of it, sends what is kept first.
 */
public final class DeferredTimes {
    private static final int TIMES = SetAttrMask.ATIME | SetAttrMask.MTIME;
    private static final int KEPT = TIMES | SetAttrMask.MODE;
    private static final int SET_IDS = 06000;

    private final MfsClient client;
    private final Names names;
    private final HandleTable<OpenFile> files;
    /** Nanoseconds since the epoch, for the ctime shown until the master sets its own. */
    private final LongSupplier wallClock;

    public DeferredTimes(MfsClient client, Names names, HandleTable<OpenFile> files, LongSupplier wallClock) {
        this.client = client;
        this.names = names;
        this.files = files;
        this.wallClock = wallClock;
    }

    /**
     * The attributes to answer when {@code change} only sets explicit times or permission bits, by
     * the owner or root (whom the master always allows it), of a file open for writing here: they
     * are kept to send later. Null when the change must go to the master now.
     */
    Attr keep(Creds c, long inode, SetAttrRequest change) throws MfsException {
        int mask = change.mask();
        if (mask == 0 || (mask & ~KEPT) != 0 || openForWriting(inode) == null) {
            return null;
        }
        Attr a = names.attrOf(inode);
        boolean chmod = (mask & SetAttrMask.MODE) != 0;
        if (!c.isRoot() && c.uid() != a.uid() || chmod && ((change.mode() | a.mode()) & SET_IDS) != 0) {
            return null;
        }
        names.timesSet(inode, new PendingTimes.Times(
                (mask & SetAttrMask.ATIME) != 0 ? change.atimeNanos() : -1,
                (mask & SetAttrMask.MTIME) != 0 ? change.mtimeNanos() : -1,
                chmod ? change.mode() & 07777 : -1,
                wallClock.getAsLong()));
        return names.attrOf(inode);
    }

    /**
     * Sends the times kept for {@code inode}, if any, after this mount's writes to it have landed.
     * They leave the pending set only once the master has them, so no attribute handed out in
     * between lacks them. True when times were sent: the master gave the file a new ctime, which
     * the attributes the kernel holds (from before) lack.
     */
    boolean send(long inode) throws MfsException {
        PendingTimes pending = names.pendingTimes();
        PendingTimes.Times t = pending.get(inode);
        if (t == null) {
            return false;
        }
        try {
            int mask = (t.atimeNanos() >= 0 ? SetAttrMask.ATIME : 0) | (t.mtimeNanos() >= 0 ? SetAttrMask.MTIME : 0)
                    | (t.mode() >= 0 ? SetAttrMask.MODE : 0);
            SetAttrRequest change = new SetAttrRequest(mask, Math.max(t.mode(), 0), 0, 0, t.atimeNanos(),
                    t.mtimeNanos(), 0);
            // with the writes' last end when one is still to come (one master change), else on their own;
            // allowed when it was asked (owner or root), whoever owns the file now
            Attr done = t.hasTimes() ? flushWritesThen(inode, change) : null;
            if (done == null) {
                done = client.setattr(Creds.ROOT, inode, change);
            }
            pending.sent(inode, t);
            names.learnedAttr(done);
            return true;
        } catch (MfsException e) {
            pending.sent(inode, t);
            names.invalidate(inode);
            if (e.status() == Status.ENOENT || e.status() == Status.ESTALE) {
                // the file is gone (removed while open, from anywhere): no one can see its times any more
                return false;
            }
            // reported to the close or write that sent them, as a failed write-back is; not kept to fail again
            throw e;
        }
    }

    /** Whether times (which this mount's next write must follow) wait to be sent for {@code inode}. */
    boolean timesPending(long inode) {
        PendingTimes.Times t = names.pendingTimes().get(inode);
        return t != null && t.hasTimes();
    }

    /** Whether permission bits wait to be sent for {@code inode}: the master checks an open against its own. */
    boolean modePending(long inode) {
        PendingTimes.Times t = names.pendingTimes().get(inode);
        return t != null && t.mode() >= 0;
    }

    /**
     * Lands this mount's buffered writes to {@code inode}, with {@code change} set by the master at
     * their last end; null when no end was left to carry it (then it is still to send).
     */
    private Attr flushWritesThen(long inode, SetAttrRequest change) throws MfsException {
        OpenFile w = openForWriting(inode);
        return w == null ? null : w.file().flushThen(Creds.ROOT, change);
    }

    /** Lands this mount's buffered writes to {@code inode}, which a change of its times must follow. */
    void flushWrites(long inode) throws MfsException {
        OpenFile w = openForWriting(inode);
        if (w != null) {
            // handles of one inode share their buffer: one flush sends all
            w.file().flush();
        }
    }

    private OpenFile openForWriting(long inode) {
        for (OpenFile f : files.all()) {
            if (f.writable() && f.inode() == inode) {
                return f;
            }
        }
        return null;
    }
}
