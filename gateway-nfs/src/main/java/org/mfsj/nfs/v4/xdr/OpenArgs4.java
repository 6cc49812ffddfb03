package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.GarbageException;
import org.mfsj.nfs.rpc.XdrIn;

/**
 * OPEN4args. {@code how} is -1 without creation, else UNCHECKED4 0, GUARDED4 1, EXCLUSIVE4 2,
 * EXCLUSIVE4_1 3; {@code claim} is the open_claim_type4, with {@code name} for CLAIM_NULL.
 */
public record OpenArgs4(int seqid, int access, int deny, long clientId, byte[] owner, int how, Sattr4 attrs,
                        byte[] verifier, int claim, String name) {
    public static final int UNCHECKED = 0;
    public static final int GUARDED = 1;
    public static final int EXCLUSIVE = 2;
    public static final int EXCLUSIVE4_1 = 3;
    public static final int CLAIM_NULL = 0;
    public static final int CLAIM_PREVIOUS = 1;
    public static final int CLAIM_DELEGATE_CUR = 2;
    public static final int CLAIM_DELEGATE_PREV = 3;
    public static final int CLAIM_FH = 4;
    public static final int CLAIM_DELEG_CUR_FH = 5;
    public static final int CLAIM_DELEG_PREV_FH = 6;

    public static OpenArgs4 decode(XdrDecodingStream in) throws IOException {
        int seqid = in.xdrDecodeInt();
        int access = in.xdrDecodeInt();
        int deny = in.xdrDecodeInt();
        long clientId = in.xdrDecodeLong();
        byte[] owner = XdrIn.opaque(in, 1024, "open owner");
        int how = -1;
        Sattr4 attrs = Sattr4.NONE;
        byte[] verifier = null;
        if (XdrIn.choice(in, 1, "opentype4") == 1) {
            how = XdrIn.choice(in, EXCLUSIVE4_1, "createmode4");
            switch (how) {
                case UNCHECKED, GUARDED -> attrs = Sattr4.decode(in);
                case EXCLUSIVE -> verifier = XdrIn.fixed(in, 8);
                default -> {
                    verifier = XdrIn.fixed(in, 8);
                    attrs = Sattr4.decode(in);
                }
            }
        }
        int claim = XdrIn.choice(in, CLAIM_DELEG_PREV_FH, "open_claim_type4");
        String name = null;
        switch (claim) {
            case CLAIM_NULL, CLAIM_DELEGATE_PREV -> name = XdrIn.string(in, XdrIn.MAX_NAME, "file");
            case CLAIM_PREVIOUS -> in.xdrDecodeInt();
            case CLAIM_DELEGATE_CUR -> {
                StateIds.decode(in);
                name = XdrIn.string(in, XdrIn.MAX_NAME, "file");
            }
            case CLAIM_DELEG_CUR_FH -> StateIds.decode(in);
            case CLAIM_FH, CLAIM_DELEG_PREV_FH -> {
            }
            default -> throw new GarbageException("claim " + claim);
        }
        return new OpenArgs4(seqid, access, deny, clientId, owner, how, attrs, verifier, claim, name);
    }
}
