package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Permissions;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** READ (25) under an open stateid (or a special one), through the gateway's open files. */
public final class ReadOp implements Nfs4Op<ReadOp.Args> {
    /** READ4args. */
    public record Args(StateId stateid, long offset, int count) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(StateIds.decode(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = regularFile(ctx);
        ctx.state().checkIo(ctx.stateid(a.stateid()), n.inode(), false);
        if (!Permissions.allowsIo(ctx.client(), n.attr(), ctx.creds(n.export()), false)) {
            throw new Nfs4Exception(Nfs4.ERR_ACCESS, "read of inode " + n.inode());
        }
        int want = (int) Math.min(Integer.toUnsignedLong(a.count()), Nfs3.MAX_IO);
        byte[] buf = new byte[want];
        long[] length = new long[1];
        int got = a.offset() < 0 || want == 0 ? 0 : ctx.gateway().files().read(n.inode(), h -> {
            int r = h.read(a.offset(), buf, 0, want);
            length[0] = h.length();
            return r;
        });
        int count = Math.max(got, 0);
        boolean eof = got < 0 || a.offset() < 0 || a.offset() + count >= Math.max(length[0], n.attr().length());
        return out -> {
            out.xdrEncodeBoolean(eof);
            out.xdrEncodeInt(count);
            out.xdrEncodeOpaque(buf, 0, count);
        };
    }

    /** The current file for READ and WRITE: a regular file. */
    static Node regularFile(CompoundContext ctx) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        if (n.attr().type() != FileType.FILE) {
            throw new Nfs4Exception(n.attr().isDirectory() ? Nfs4.ERR_ISDIR
                    : n.attr().type() == FileType.SYMLINK ? Nfs4.ERR_SYMLINK : Nfs4.ERR_INVAL,
                    "I/O on a " + n.attr().type());
        }
        return n;
    }
}
