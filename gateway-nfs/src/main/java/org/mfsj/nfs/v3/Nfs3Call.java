package org.mfsj.nfs.v3;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.fs.HandleException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.Caller;

/** One NFSv3 call in progress: who asks, and the gateway they ask, with the checks every procedure makes. */
public final class Nfs3Call {
    private final Gateway gateway;
    private final Caller caller;

    public Nfs3Call(Gateway gateway, Caller caller) {
        this.gateway = gateway;
        this.caller = caller;
    }

    public Gateway gateway() {
        return gateway;
    }

    public MfsClient client() {
        return gateway.client();
    }

    public Caller caller() {
        return caller;
    }

    public long fsid() {
        return gateway.fsid();
    }

    /** The node a handle names, if the caller may use its export. */
    public Node node(byte[] fh) throws Nfs3Exception, MfsException {
        Node n;
        try {
            n = gateway.resolve(fh);
        } catch (HandleException e) {
            throw new Nfs3Exception(e.isStale() ? Nfs3.ERR_STALE : Nfs3.ERR_BADHANDLE, e.getMessage());
        }
        if (!n.export().admits(caller.peer())) {
            throw new Nfs3Exception(Nfs3.ERR_ACCES, caller + " is not a client of export " + n.export().path());
        }
        return n;
    }

    /** As {@link #node}, and the node must be a directory. */
    public Node dir(byte[] fh) throws Nfs3Exception, MfsException {
        Node n = node(fh);
        if (!n.attr().isDirectory()) {
            throw new Nfs3Exception(Nfs3.ERR_NOTDIR, "inode " + n.inode() + " is not a directory");
        }
        return n;
    }

    /** As {@link #node}, for a change: the export must be read-write. */
    public Node writable(byte[] fh) throws Nfs3Exception, MfsException {
        Node n = node(fh);
        if (n.export().readOnly()) {
            throw new Nfs3Exception(Nfs3.ERR_ROFS, "export " + n.export().path() + " is read-only");
        }
        return n;
    }

    /** A directory that will be changed. */
    public Node writableDir(byte[] fh) throws Nfs3Exception, MfsException {
        Node n = writable(fh);
        if (!n.attr().isDirectory()) {
            throw new Nfs3Exception(Nfs3.ERR_NOTDIR, "inode " + n.inode() + " is not a directory");
        }
        return n;
    }

    /** Who the caller acts as under {@code e}'s squash rules (AUTH_NONE is the anonymous user). */
    public Creds creds(Export e) {
        Creds asked = caller.creds();
        return asked == null ? new Creds(e.anonUid(), e.anonGid(), new int[0]) : e.squash(asked);
    }

    public byte[] handle(Export e, Attr a) {
        return gateway.handle(e, a);
    }

    /** Attributes for a reply's optional part: absent rather than failing the call. */
    public Attr attrOrNull(long inode) {
        try {
            return client().getattr(inode);
        } catch (MfsException e) {
            return null;
        }
    }

    /** As {@link #attrOrNull}, for after a change the cache does not know: asked of the master, then kept. */
    public Attr freshAttrOrNull(long inode) {
        try {
            return gateway.getattr(inode);
        } catch (MfsException e) {
            gateway.attrs().forget(inode);
            return null;
        }
    }

    /** Refuses names NFS must not create or look up as plain entries. */
    public static void checkName(String name) throws Nfs3Exception {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new Nfs3Exception(Nfs3.ERR_INVAL, "bad name '" + name + "'");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new Nfs3Exception(Nfs3.ERR_NAMETOOLONG, "name of " + name.length() + " characters");
        }
    }

    /** A new entry's name: also not "." or "..". */
    public static void checkNewName(String name) throws Nfs3Exception {
        checkName(name);
        if (name.equals(".") || name.equals("..")) {
            throw new Nfs3Exception(Nfs3.ERR_EXIST, "'" + name + "' always exists");
        }
    }
}
