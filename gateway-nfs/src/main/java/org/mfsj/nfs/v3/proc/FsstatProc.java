package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.FsStat;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Fh3;
import org.mfsj.nfs.v3.xdr.FsstatReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 18: space and inodes of the whole cluster. */
public final class FsstatProc implements Nfs3Procedure<byte[]> {
    /** Inodes are not a fixed pool in our master; report plenty free, as df expects a number. */
    private static final long FREE_FILES = 1L << 31;

    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Fh3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, byte[] fh) throws Nfs3Exception, MfsException {
        Node n = call.node(fh);
        FsStat s = call.client().statfs();
        long free = Math.max(0, s.totalBytes() - s.usedBytes());
        return new FsstatReply3(n.attr(), call.fsid(), s.totalBytes(), free, s.availBytes(),
                s.inodes() + FREE_FILES, FREE_FILES);
    }

    @Override
    public int failWords() {
        return 1;
    }
}
