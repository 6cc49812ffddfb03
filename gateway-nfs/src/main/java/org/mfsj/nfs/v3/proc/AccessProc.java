package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Permissions;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.AccessArgs3;
import org.mfsj.nfs.v3.xdr.AccessReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 4: which of the asked rights the caller has, from its permissions (ACLs too) and the export. */
public final class AccessProc implements Nfs3Procedure<AccessArgs3> {
    @Override
    public AccessArgs3 decode(XdrDecodingStream in) throws IOException {
        return AccessArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, AccessArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.node(a.fh());
        return new AccessReply3(n.attr(), call.fsid(),
                granted(call.client(), n.attr(), call.creds(n.export()), n.export().readOnly(), a.access()));
    }

    /**
     * The rights of {@code asked} that {@code c} has on {@code attr}; shared with NFSv4, whose
     * ACCESS bits are the same. Only the permissions behind asked bits are checked: each may be a
     * call to the master.
     */
    public static int granted(MfsClient client, Attr attr, Creds c, boolean readOnly, int asked) throws MfsException {
        boolean dir = attr.isDirectory();
        int read = Nfs3.ACCESS_READ;
        int write = Nfs3.ACCESS_MODIFY | Nfs3.ACCESS_EXTEND | (dir ? Nfs3.ACCESS_DELETE : 0);
        int exec = dir ? Nfs3.ACCESS_LOOKUP : Nfs3.ACCESS_EXECUTE;
        int g = 0;
        if ((asked & read) != 0 && Permissions.allows(client, attr, c, Permissions.READ)) {
            g |= read;
        }
        if ((asked & write) != 0 && !readOnly && Permissions.allows(client, attr, c, Permissions.WRITE)) {
            g |= write;
        }
        if ((asked & exec) != 0 && Permissions.allows(client, attr, c, Permissions.EXEC)) {
            g |= exec;
        }
        return g & asked;
    }

    @Override
    public int failWords() {
        return 1;
    }
}
