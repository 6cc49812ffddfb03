package org.mfsj.client;

import java.util.List;
import org.mfsj.client.cache.ChunkLocation;
import org.mfsj.client.cache.ChunkLocationCache;
import org.mfsj.client.io.OpenFile;
import org.mfsj.client.io.OpenFiles;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.LookupObject;
import org.mfsj.common.wire.client2master.LookupObjectReply;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.ScratchCreatedReply;
import org.mfsj.common.wire.client2master.WriteChunkEnd;

/**
 * The S3 gateway's calls: scratch files written aside (their first chunk opened by their create,
 * their last chunk ends kept for the publish), objects looked up with their metadata and opened in
 * one call, published into place, and joined by sharing chunks.
 */
final class ObjectRequests {
    private final MasterCalls master;
    private final OpenFiles files;
    private final ChunkLocationCache locations;

    ObjectRequests(MasterCalls master, OpenFiles files, ChunkLocationCache locations) {
        this.master = master;
        this.files = files;
        this.locations = locations;
    }

    FileHandle createOpenScratch(Creds creds, long parent, String name, int mode) throws MfsException {
        long rq = master.newRequestId();
        Attr a = master.attr(id -> new ScratchCreateOpen(new CreateOpen(id, creds, parent, name, mode, rq)),
                "create and open scratch file '" + name + "' in " + parent);
        return files.openScratch(creds, a);
    }

    FileHandle createOpenScratch(Creds creds, long parent, String name, int mode, boolean willWrite)
            throws MfsException {
        if (!willWrite) {
            return createOpenScratch(creds, parent, name, mode);
        }
        long rq = master.newRequestId();
        String what = "create and open scratch file '" + name + "' in " + parent + " with its first chunk";
        ScratchCreatedReply r = master.request(id -> new ScratchCreateWrite(new CreateOpen(id, creds, parent, name,
                mode, rq)), ScratchCreatedReply.class, what);
        MfsException.check(r.status(), what);
        return files.openScratch(creds, r.attr(), scratchKey(parent, name),
                r.created() && r.chunk().status().isOk() ? r.chunk() : null);
    }

    /** A scratch file discarded instead of published: its kept chunk ends go with it. */
    void unlinked(long parent, String name) {
        files.takeScratchEnds(scratchKey(parent, name));
    }

    private static String scratchKey(long parent, String name) {
        return parent + "/" + name;
    }

    ObjectLookup lookupObject(Creds creds, long parent, String name, String xattrName, boolean openForRead)
            throws MfsException {
        String what = "lookup object '" + name + "' in " + parent;
        LookupObjectReply r = master.request(id -> new LookupObject(id, creds, parent, name, xattrName, openForRead),
                LookupObjectReply.class, what);
        MfsException.check(r.status(), what);
        if (!r.opened()) {
            return new ObjectLookup(files.patch(r.attr()), r.xattr(), null);
        }
        // close-to-open, as open does; the first chunk's place came along (a small object's only one)
        locations.invalidateInode(r.attr().inode());
        if (r.chunkId() != 0) {
            locations.put(new ChunkLocation(r.attr().inode(), 0, r.attr().length(), r.chunkId(), r.version(),
                    r.locations()));
        }
        return new ObjectLookup(files.patch(r.attr()), r.xattr(), files.open(creds, r.attr(), false));
    }

    Attr publish(Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long expectTarget, long dstBase, String dstPath)
            throws MfsException {
        long rq = master.newRequestId();
        // the scratch file's last chunk ends, kept by its writer, are recorded by the same call
        List<WriteChunkEnd> ends = files.takeScratchEnds(scratchKey(srcParent, srcName));
        return files.patch(master.attr(id -> {
            Publish p = new Publish(id, creds, srcParent, srcName, dstParent, dstName, xattrName, xattrValue,
                    mtimeNanos, rq, expectTarget, dstBase, dstPath);
            return ends.isEmpty() ? p : new PublishWritten(p, ends);
        }, "publish '" + srcName + "' in " + srcParent + " as '" + dstName + "' in " + dstParent));
    }

    Attr appendChunks(Creds creds, long inode, List<Long> sources) throws MfsException {
        OpenFile open = files.find(inode);
        if (open != null) {
            open.flush();
        }
        long rq = master.newRequestId();
        Attr a = master.attr(id -> new AppendChunks(id, creds, inode, sources, rq),
                "append " + sources.size() + " file(s) by chunks to " + inode);
        locations.invalidateInode(inode);
        if (open != null) {
            // the file changed under this handle's cached view: take the master's length, drop read data
            open.truncated(a.length());
        }
        return files.patch(a);
    }
}
