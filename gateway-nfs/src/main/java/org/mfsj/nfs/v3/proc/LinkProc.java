package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.LinkArgs3;
import org.mfsj.nfs.v3.xdr.LinkReply3;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;

/** Procedure 15: a hard link, within one export. */
public final class LinkProc implements Nfs3Procedure<LinkArgs3> {
    @Override
    public LinkArgs3 decode(XdrDecodingStream in) throws IOException {
        return LinkArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, LinkArgs3 a) throws Nfs3Exception, MfsException {
        Node file = call.node(a.fh());
        Node dir = call.writableDir(a.link().dir());
        if (file.export().id() != dir.export().id()) {
            throw new Nfs3Exception(Nfs3.ERR_XDEV, "link across exports");
        }
        if (file.attr().isDirectory()) {
            throw new Nfs3Exception(Nfs3.ERR_ISDIR, "hard link to a directory");
        }
        Nfs3Call.checkNewName(a.link().name());
        DirChange linked = call.gateway().change(c -> c.linkWithDir(call.creds(dir.export()), file.inode(),
                dir.inode(), a.link().name()));
        return new LinkReply3(linked.entry(), new Wcc3(dir.attr(), linked.dir(), call.fsid()), call.fsid());
    }

    @Override
    public int failWords() {
        return 3;
    }
}
