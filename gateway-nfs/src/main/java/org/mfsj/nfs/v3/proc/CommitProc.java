package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.CommitArgs3;
import org.mfsj.nfs.v3.xdr.CommitReply3;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;

/** Procedure 21: makes UNSTABLE writes durable; the verifier tells the client whether they survived. */
public final class CommitProc implements Nfs3Procedure<CommitArgs3> {
    @Override
    public CommitArgs3 decode(XdrDecodingStream in) throws IOException {
        return CommitArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, CommitArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.node(a.fh());
        call.gateway().files().commit(n.inode());
        return new CommitReply3(new Wcc3(n.attr(), call.freshAttrOrNull(n.inode()), call.fsid()),
                call.gateway().verifier().current());
    }

    @Override
    public int failWords() {
        return 2;
    }
}
