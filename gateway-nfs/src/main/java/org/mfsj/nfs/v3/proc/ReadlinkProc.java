package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Fh3;
import org.mfsj.nfs.v3.xdr.ReadlinkReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 5: the target of a symbolic link. */
public final class ReadlinkProc implements Nfs3Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Fh3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, byte[] fh) throws Nfs3Exception, MfsException {
        Node n = call.node(fh);
        if (n.attr().type() != FileType.SYMLINK) {
            throw new Nfs3Exception(Nfs3.ERR_INVAL, "inode " + n.inode() + " is not a symlink");
        }
        return new ReadlinkReply3(n.attr(), call.fsid(), call.client().readlink(n.inode()));
    }

    @Override
    public int failWords() {
        return 1;
    }
}
