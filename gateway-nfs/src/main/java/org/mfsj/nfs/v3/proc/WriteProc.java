package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;
import org.mfsj.nfs.v3.xdr.WriteArgs3;
import org.mfsj.nfs.v3.xdr.WriteReply3;

/**
 * Procedure 7: UNSTABLE writes go to the open file's write-back buffer and are answered at once
 * (COMMIT or the verifier covers them) with the attributes read for the checks and the new length,
 * so an unstable write costs no master call after the handle's; DATA_SYNC and FILE_SYNC are
 * forced to disk on every server of the chain first (fsync), so both are answered as FILE_SYNC.
 */
public final class WriteProc implements Nfs3Procedure<WriteArgs3> {
    @Override
    public WriteArgs3 decode(XdrDecodingStream in) throws IOException {
        return WriteArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, WriteArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.writable(a.fh());
        DataAccess.check(call, n, true);
        if (Integer.toUnsignedLong(a.count()) > a.data().length) {
            throw new Nfs3Exception(Nfs3.ERR_INVAL, "count " + Integer.toUnsignedString(a.count()) + " but "
                    + a.data().length + " bytes of data");
        }
        int count = a.count();
        if (a.offset() < 0 || a.offset() + count < 0) {
            throw new Nfs3Exception(Nfs3.ERR_FBIG, "write at " + Long.toUnsignedString(a.offset()));
        }
        boolean sync = a.stable() != Nfs3.UNSTABLE;
        Attr before = n.attr();
        long asked = call.gateway().attrs().now();
        Attr after = call.gateway().files().write(n.inode(), h -> {
            h.write(a.offset(), a.data(), 0, count);
            if (sync) {
                h.fsync();
                return h.getattr();
            }
            // unstable data is still in our buffer: the master has not seen it, only the length moved
            return before.withLength(Math.max(before.length(), h.length()));
        });
        call.gateway().attrs().put(after, asked);
        return new WriteReply3(new Wcc3(n.attr(), after, call.fsid()), count,
                sync ? Nfs3.FILE_SYNC : Nfs3.UNSTABLE, call.gateway().verifier().current());
    }

    @Override
    public int failWords() {
        return 2;
    }
}
