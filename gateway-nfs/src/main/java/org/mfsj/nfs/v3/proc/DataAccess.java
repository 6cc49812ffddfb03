package org.mfsj.nfs.v3.proc;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Permissions;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;

/** The checks before a READ or WRITE: a regular file the caller may read or write. */
final class DataAccess {
    private DataAccess() {
    }

    static void check(Nfs3Call call, Node n, boolean write) throws Nfs3Exception, MfsException {
        Attr a = n.attr();
        if (a.type() == FileType.DIRECTORY) {
            throw new Nfs3Exception(Nfs3.ERR_ISDIR, "inode " + n.inode() + " is a directory");
        }
        if (a.type() != FileType.FILE) {
            throw new Nfs3Exception(Nfs3.ERR_INVAL, "inode " + n.inode() + " is a " + a.type());
        }
        if (!Permissions.allowsIo(call.client(), a, call.creds(n.export()), write)) {
            throw new Nfs3Exception(Nfs3.ERR_ACCES, (write ? "write" : "read") + " of inode " + n.inode());
        }
    }
}
