package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.ReadArgs3;
import org.mfsj.nfs.v3.xdr.ReadReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 6: data of a file, at most the size FSINFO offers; short at the end of the file. */
public final class ReadProc implements Nfs3Procedure<ReadArgs3> {
    @Override
    public ReadArgs3 decode(XdrDecodingStream in) throws IOException {
        return ReadArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, ReadArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.node(a.fh());
        DataAccess.check(call, n, false);
        int want = (int) Math.min(Integer.toUnsignedLong(a.count()), Nfs3.MAX_IO);
        if (a.offset() < 0 || want == 0) {
            return new ReadReply3(n.attr(), call.fsid(), 0, a.offset() < 0 || a.offset() >= n.attr().length(),
                    new byte[0]);
        }
        byte[] buf = new byte[want];
        long[] length = new long[1];
        int got = call.gateway().files().read(n.inode(), h -> {
            int r = h.read(a.offset(), buf, 0, want);
            length[0] = h.length();
            return r;
        });
        int count = Math.max(got, 0);
        boolean eof = got < 0 || a.offset() + count >= length[0];
        // reads do not reach the master, so they change no attribute: the ones fetched for the checks are current
        return new ReadReply3(n.attr(), call.fsid(), count, eof, buf);
    }

    @Override
    public int failWords() {
        return 1;
    }
}
