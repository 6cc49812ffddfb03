package org.mfsj.nfs.fs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mfsj.client.DirChange;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.exports.ExportTable;
import org.mfsj.nfs.handle.HandleCodec;
import org.mfsj.nfs.handle.NfsHandle;
import org.mfsj.nfs.io.OpenFiles;
import org.mfsj.nfs.io.WriteVerifier;

/**
 * What every NFS version and MOUNT share: the cluster session, the exports, file handles and the
 * open files. Handles are turned into {@link Node}s here and nowhere else.
 */
public final class Gateway {
    private final MfsClient client;
    private final ExportTable exports;
    private final long fsid;
    private final OpenFiles files;
    private final WriteVerifier verifier;
    private final AttrCache attrs;
    private final Map<Integer, Long> exportRoots = new ConcurrentHashMap<>();

    public Gateway(MfsClient client, ExportTable exports, long fsid, OpenFiles files, WriteVerifier verifier,
                   AttrCache attrs) {
        this.client = client;
        this.exports = exports;
        this.fsid = fsid;
        this.files = files;
        this.verifier = verifier;
        this.attrs = attrs;
    }

    /** Attributes seen lately; every change made here must update or drop what it touches. */
    public AttrCache attrs() {
        return attrs;
    }

    /** Fresh attributes from the master, remembered for the next call. */
    public Attr getattr(long inode) throws MfsException {
        long asked = attrs.now();
        Attr a = client.getattr(inode);
        attrs.put(a, asked);
        return a;
    }

    /** One namespace change that reports its directories' attributes, sent through the session. */
    @FunctionalInterface
    public interface DirCall {
        DirChange run(MfsClient client) throws MfsException;
    }

    /**
     * Runs a change and keeps what it reported: the entry's and the directories' new attributes
     * replace what the cache held, and the other inodes it touched are dropped.
     */
    public DirChange change(DirCall call) throws MfsException {
        long asked = attrs.now();
        DirChange c = call.run(client);
        attrs.put(c.entry(), asked);
        attrs.put(c.dir(), asked);
        attrs.put(c.otherDir(), asked);
        c.changed().forEach(attrs::forget);
        return c;
    }

    /**
     * A change that took names away (REMOVE): the files it unlinked are no longer held open by
     * this gateway's cache, so one that lost its last name goes at once, as NFS clients expect.
     */
    public DirChange removal(DirCall call) throws MfsException {
        DirChange c = change(call);
        c.changed().forEach(files::release);
        return c;
    }

    /**
     * A RENAME: a file its target name replaced is let go of as a REMOVE's is ({@link #removal});
     * the file moved keeps its handles.
     */
    public DirChange renaming(DirCall call) throws MfsException {
        DirChange c = change(call);
        List<Long> touched = c.changed();
        for (int i = 1; i < touched.size(); i++) {
            if (touched.get(i).longValue() != touched.get(0).longValue()) {
                files.release(touched.get(i));
            }
        }
        return c;
    }

    /** A name in a directory, its attributes remembered. */
    public Attr lookup(Creds creds, long dir, String name) throws MfsException {
        long asked = attrs.now();
        Attr a = client.lookup(creds, dir, name);
        attrs.put(a, asked);
        return a;
    }

    /** Changes attributes, remembering the result. */
    public Attr setattr(Creds creds, long inode, SetAttrRequest change) throws MfsException {
        long asked = attrs.now();
        try {
            Attr a = client.setattr(creds, inode, change);
            attrs.put(a, asked);
            return a;
        } catch (MfsException e) {
            attrs.forget(inode);
            throw e;
        }
    }

    /** Attributes seen less than the cache's time ago, else from the master. */
    public Attr recentAttr(long inode) throws MfsException {
        Attr a = attrs.fresh(inode);
        return a != null ? a : getattr(inode);
    }

    public MfsClient client() {
        return client;
    }

    public ExportTable exports() {
        return exports;
    }

    public long fsid() {
        return fsid;
    }

    public OpenFiles files() {
        return files;
    }

    public WriteVerifier verifier() {
        return verifier;
    }

    /** The directory an export names, walked as root (exports are the operator's choice, not a client's). */
    public Attr exportRoot(Export e) throws MfsException {
        Long known = exportRoots.get(e.id());
        if (known != null) {
            try {
                return client.getattr(known);
            } catch (MfsException gone) {
                exportRoots.remove(e.id());
            }
        }
        Attr a = client.resolve(Creds.ROOT, e.path());
        if (!a.isDirectory()) {
            throw new MfsException(Status.ENOTDIR, "export " + e.path() + " is not a directory");
        }
        exportRoots.put(e.id(), a.inode());
        return a;
    }

    public boolean isExportRoot(Export e, long inode) {
        Long root = exportRoots.get(e.id());
        return root != null && root == inode;
    }

    public byte[] handle(Export e, Attr a) {
        return HandleCodec.encode(new NfsHandle(fsid, e.id(), a.inode(), a.generation()));
    }

    /** The node a handle names, with fresh attributes. */
    public Node resolve(byte[] fh) throws HandleException, MfsException {
        NfsHandle h = HandleCodec.decode(fh);
        if (h == null) {
            throw new HandleException(false, "not a handle of this gateway (" + fh.length + " bytes)");
        }
        if (h.fsid() != fsid) {
            throw new HandleException(true, "handle of file system " + h.fsid());
        }
        Export e = exports.byId(h.exportId()).orElseThrow(() ->
                new HandleException(true, "handle of an export no longer configured"));
        Attr a;
        try {
            a = recentAttr(h.inode());
        } catch (MfsException ex) {
            if (ex.status() == Status.ENOENT || ex.status() == Status.ESTALE) {
                throw new HandleException(true, "inode " + h.inode() + " is gone");
            }
            throw ex;
        }
        if (a.generation() != h.generation()) {
            throw new HandleException(true, "inode " + h.inode() + " was reused");
        }
        if (exportRoots.get(e.id()) == null) {
            exportRoot(e);
        }
        return new Node(e, a);
    }
}
