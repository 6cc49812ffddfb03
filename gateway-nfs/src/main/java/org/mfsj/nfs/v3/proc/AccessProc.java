package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
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

/** Procedure 4: which of the asked rights the caller has, from the mode bits and the export. */
public final class AccessProc implements Nfs3Procedure<AccessArgs3> {
    @Override
    public AccessArgs3 decode(XdrDecodingStream in) throws IOException {
        return AccessArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, AccessArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.node(a.fh());
        return new AccessReply3(n.attr(), call.fsid(),
                granted(n.attr(), call.creds(n.export()), n.export().readOnly()) & a.access());
    }

    /** Every right {@code c} has on {@code attr}; shared with NFSv4, whose ACCESS bits are the same. */
    public static int granted(Attr attr, Creds c, boolean readOnly) {
        boolean dir = attr.isDirectory();
        int g = 0;
        if (Permissions.allows(attr, c, Permissions.READ)) {
            g |= Nfs3.ACCESS_READ;
        }
        if (!readOnly && Permissions.allows(attr, c, Permissions.WRITE)) {
            g |= Nfs3.ACCESS_MODIFY | Nfs3.ACCESS_EXTEND | (dir ? Nfs3.ACCESS_DELETE : 0);
        }
        if (Permissions.allows(attr, c, Permissions.EXEC)) {
            g |= dir ? Nfs3.ACCESS_LOOKUP : Nfs3.ACCESS_EXECUTE;
        }
        return g;
    }

    @Override
    public int failWords() {
        return 1;
    }
}
