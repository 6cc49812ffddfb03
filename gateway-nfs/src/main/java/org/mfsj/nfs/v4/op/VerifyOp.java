package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.util.Arrays;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.Fattr4Codec;

/**
 * VERIFY (37) and NVERIFY (17): the COMPOUND goes on only if the current file's attributes are
 * (VERIFY) or are not (NVERIFY) the ones given, compared as GETATTR would encode them: a client's
 * "write only if unchanged" and "refresh only if changed" in one round trip.
 */
public final class VerifyOp implements Nfs4Op<VerifyOp.Args> {
    private static final int MAX_ATTRS = 64 * 1024;
    private static final Bitmap4 WRITE_ONLY = Bitmap4.of(Fattr4Codec.TIME_ACCESS_SET, Fattr4Codec.TIME_MODIFY_SET);

    private final boolean mustMatch;

    /** {@code mustMatch}: VERIFY; otherwise NVERIFY. */
    public VerifyOp(boolean mustMatch) {
        this.mustMatch = mustMatch;
    }

    /** fattr4: which attributes, and their values as encoded. */
    public record Args(Bitmap4 bits, byte[] values) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(Bitmap4.decode(in), XdrIn.opaque(in, MAX_ATTRS, "attrlist4"));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        if (!a.bits().and(WRITE_ONLY).isEmpty() || a.bits().has(Fattr4Codec.RDATTR_ERROR)) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "write-only or rdattr_error attributes cannot be compared");
        }
        if (!a.bits().and(Fattr4Codec.SUPPORTED).equals(a.bits())) {
            throw new Nfs4Exception(Nfs4.ERR_ATTRNOTSUPP, "attributes this server does not have");
        }
        byte[] ours = Fattr4Codec.encode(a.bits(), GetattrOp.source(ctx, n, ctx.currentFh()));
        byte[] theirs;
        try {
            theirs = XdrBytes.encode(out -> {
                a.bits().encode(out);
                out.xdrEncodeDynamicOpaque(a.values());
            });
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory failed", e);
        }
        boolean same = Arrays.equals(ours, theirs);
        if (mustMatch && !same) {
            throw new Nfs4Exception(Nfs4.ERR_NOT_SAME, "attributes differ");
        }
        if (!mustMatch && same) {
            throw new Nfs4Exception(Nfs4.ERR_SAME, "attributes are the same");
        }
        return OpBody.EMPTY;
    }
}
