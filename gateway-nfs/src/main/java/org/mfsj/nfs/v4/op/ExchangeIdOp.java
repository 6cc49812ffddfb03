package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.GarbageException;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.ClientRecord;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.Time4;

/** EXCHANGE_ID (42): a client introduces itself and gets a client id. No state protection, no pNFS. */
public final class ExchangeIdOp implements Nfs4Op<ExchangeIdOp.Args> {
    private static final int FLAG_USE_NON_PNFS = 0x00010000;
    private static final int FLAG_CONFIRMED_R = 0x80000000;
    private static final int FLAG_UPD_CONFIRMED_REC_A = 0x40000000;
    /** What a client may set (RFC 8881 18.35.3): referrals, migration, principal-bound stateids, pNFS roles, update. */
    private static final int CLIENT_FLAGS = 0x1 | 0x2 | 0x100 | 0x70000 | FLAG_UPD_CONFIRMED_REC_A;
    private static final int SP4_NONE = 0;
    private static final int SP4_MACH_CRED = 1;
    private static final byte[] SERVER_OWNER = "mfsj-nfs".getBytes(StandardCharsets.US_ASCII);

    /** The parts of EXCHANGE_ID4args we use. */
    public record Args(byte[] verifier, byte[] owner, int flags) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] verifier = XdrIn.fixed(in, 8);
        byte[] owner = XdrIn.opaque(in, 1024, "co_ownerid");
        int flags = in.xdrDecodeInt();
        int how = in.xdrDecodeInt();
        if (how == SP4_MACH_CRED) {
            Bitmap4.decode(in);
            Bitmap4.decode(in);
        } else if (how != SP4_NONE) {
            throw new GarbageException("state protection " + how + " (SSV) not spoken");
        }
        int impls = XdrIn.length(in, 1, "client_impl_id");
        for (int i = 0; i < impls; i++) {
            XdrIn.opaque(in, 1024, "nii_domain");
            XdrIn.opaque(in, 1024, "nii_name");
            Time4.decode(in);
        }
        return new Args(verifier, owner, flags);
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        if (a.owner().length == 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "empty client owner");
        }
        if ((a.flags() & ~CLIENT_FLAGS) != 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "flags " + Integer.toHexString(a.flags() & ~CLIENT_FLAGS)
                    + " are not a client's to set");
        }
        int principal = ctx.caller().creds() == null ? -1 : ctx.caller().creds().uid();
        ClientRecord c = ctx.state().exchangeId41(a.owner(), a.verifier(), principal,
                (a.flags() & FLAG_UPD_CONFIRMED_REC_A) != 0);
        return out -> {
            out.xdrEncodeLong(c.id());
            out.xdrEncodeInt(c.nextCreateSessionSeq());
            out.xdrEncodeInt(FLAG_USE_NON_PNFS | (c.isConfirmed() ? FLAG_CONFIRMED_R : 0));
            out.xdrEncodeInt(SP4_NONE);
            out.xdrEncodeLong(0);
            // every gateway instance of one cluster is the same server to clients (trunking aside)
            out.xdrEncodeDynamicOpaque(SERVER_OWNER);
            out.xdrEncodeDynamicOpaque(SERVER_OWNER);
            out.xdrEncodeInt(0);
        };
    }
}
