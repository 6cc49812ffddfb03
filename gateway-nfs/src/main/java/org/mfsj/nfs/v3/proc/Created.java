package org.mfsj.nfs.v3.proc;

import org.mfsj.client.DirChange;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.xdr.DirOpReply3;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;

/** The common end of CREATE, MKDIR, SYMLINK and MKNOD: apply the other attributes, then answer. */
final class Created {
    private Created() {
    }

    /** A new entry: the change reported the directory's attributes after it. */
    static Reply3 reply(Nfs3Call call, Node dir, DirChange made, SetAttrRequest rest) throws MfsException {
        return reply(call, dir, made.entry(), made.dir(), rest);
    }

    /** {@code dirAfter}: the directory's attributes after the call (null: not known). */
    static Reply3 reply(Nfs3Call call, Node dir, Attr obj, Attr dirAfter, SetAttrRequest rest) throws MfsException {
        Attr a = obj;
        if (rest != null && rest.mask() != 0) {
            a = call.gateway().setattr(call.creds(dir.export()), obj.inode(), rest);
        }
        return new DirOpReply3(call.handle(dir.export(), a), a, new Wcc3(dir.attr(), dirAfter, call.fsid()),
                call.fsid());
    }
}
