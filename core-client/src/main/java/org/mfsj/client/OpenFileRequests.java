package org.mfsj.client;

import org.mfsj.client.cache.ChunkLocationCache;
import org.mfsj.client.io.OpenFile;
import org.mfsj.client.io.OpenFiles;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.SetAttr;

/**
 * The calls that open files, and those whose effect on a file this client has open must meet its
 * buffered writes in the right order (a length change, a snapshot, a file's chunk report).
 */
final class OpenFileRequests {
    private final MasterCalls master;
    private final OpenFiles files;
    private final ChunkLocationCache locations;

    OpenFileRequests(MasterCalls master, OpenFiles files, ChunkLocationCache locations) {
        this.master = master;
        this.files = files;
        this.locations = locations;
    }

    Attr setattr(Creds creds, long inode, SetAttrRequest c) throws MfsException {
        OpenFile open = files.find(inode);
        if (open != null && c.changesLength()) {
            // the length change must come after our buffered writes, not be overtaken by them
            open.flush();
        }
        long rq = master.newRequestId();
        Attr a = master.attr(id -> new SetAttr(id, creds, inode, c.mask(), c.mode(), c.uid(), c.gid(), c.atimeNanos(),
                c.mtimeNanos(), c.length(), rq), "setattr " + inode);
        if (c.changesLength()) {
            locations.invalidateInode(inode);
            if (open != null) {
                open.truncated(a.length());
            }
        }
        return files.patch(a);
    }

    FileHandle open(Creds creds, long inode, boolean forWrite) throws MfsException {
        // the master checks kind and permission and counts the open; the handle's close releases it
        Attr a = master.attr(id -> new Open(id, creds, inode, !forWrite, forWrite),
                "open " + inode + (forWrite ? " for writing" : ""));
        // close-to-open: what another client wrote and closed before this open must be read, and a
        // cached location could still name a copy that missed that write (a server that came back)
        locations.invalidateInode(inode);
        return files.open(creds, a, forWrite);
    }

    FileHandle createOpen(Creds creds, long parent, String name, int mode) throws MfsException {
        long rq = master.newRequestId();
        Attr a = master.attr(id -> new CreateOpen(id, creds, parent, name, mode, rq),
                "create and open '" + name + "' in " + parent);
        return files.open(creds, a, true);
    }

    /** Before a call that must see this client's writes to {@code inode}: they are flushed. */
    void flushWrites(long inode) throws MfsException {
        OpenFile open = files.find(inode);
        if (open != null) {
            open.flush();
        }
    }
}
