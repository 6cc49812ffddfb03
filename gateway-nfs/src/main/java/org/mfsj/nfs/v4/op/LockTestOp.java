package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.LockRange4;

/** LOCKT (13): whether a lock would be granted; DENIED names the lock in the way. */
public final class LockTestOp implements Nfs4Op<LockTestOp.Args> {
    /** LOCKT4args. */
    public record Args(int locktype, long offset, long length, long clientId, byte[] owner) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeInt(), in.xdrDecodeLong(), in.xdrDecodeLong(), in.xdrDecodeLong(),
                XdrIn.opaque(in, 1024, "lock owner"));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ReadOp.regularFile(ctx);
        LockType type = LockRange4.type(a.locktype());
        long end = LockRange4.end(a.offset(), a.length());
        long owner = ctx.state().lockOwnerNumber(ctx.clientFor(a.clientId()).id(), a.owner());
        if (ctx.client().testLock(n.inode(), LockFlavor.POSIX, type, a.offset(), end, owner).isPresent()) {
            throw LockOp.denied(ctx, n.inode(), type, a.offset(), end, owner);
        }
        return OpBody.EMPTY;
    }
}
