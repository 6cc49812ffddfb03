package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.Nfs4;

/**
 * fattr4 in (SETATTR, CREATE, OPEN): the settable attributes we support, already as a change.
 * Owner names are kept as sent, for the operation to map; {@code error} is ATTRNOTSUPP or INVAL
 * when the client asked to set something we cannot (the rest of the list is then not read).
 */
public record Sattr4(Bitmap4 bits, SetAttrRequest change, String owner, String group, int error) {
    private static final int MAX_ATTRLIST = 64 * 1024;
    private static final Bitmap4 SETTABLE = Bitmap4.of(Fattr4Codec.SIZE, Fattr4Codec.MODE, Fattr4Codec.OWNER,
            Fattr4Codec.OWNER_GROUP, Fattr4Codec.TIME_ACCESS_SET, Fattr4Codec.TIME_MODIFY_SET);

    public static final Sattr4 NONE = new Sattr4(Bitmap4.EMPTY, SetAttrRequest.NONE, null, null, Nfs4.OK);

    public static Sattr4 decode(XdrDecodingStream in) throws IOException {
        Bitmap4 bits = Bitmap4.decode(in);
        byte[] list = XdrIn.opaque(in, MAX_ATTRLIST, "attrlist4");
        Xdr x = new Xdr(list);
        x.beginDecoding();
        int mask = 0;
        int mode = 0;
        long size = 0;
        long atime = 0;
        long mtime = 0;
        String owner = null;
        String group = null;
        for (int b = 0; b < 128; b++) {
            if (!bits.has(b)) {
                continue;
            }
            if (!SETTABLE.has(b)) {
                int err = Fattr4Codec.SUPPORTED.has(b) ? Nfs4.ERR_INVAL : Nfs4.ERR_ATTRNOTSUPP;
                return new Sattr4(bits, SetAttrRequest.NONE, null, null, err);
            }
            switch (b) {
                case Fattr4Codec.SIZE -> {
                    mask |= SetAttrMask.LENGTH;
                    size = x.xdrDecodeLong();
                    if (size < 0) {
                        return new Sattr4(bits, SetAttrRequest.NONE, null, null, Nfs4.ERR_FBIG);
                    }
                }
                case Fattr4Codec.MODE -> {
                    mask |= SetAttrMask.MODE;
                    mode = x.xdrDecodeInt() & 07777;
                }
                case Fattr4Codec.OWNER -> owner = XdrIn.string(x, XdrIn.MAX_NAME, "owner");
                case Fattr4Codec.OWNER_GROUP -> group = XdrIn.string(x, XdrIn.MAX_NAME, "owner_group");
                case Fattr4Codec.TIME_ACCESS_SET -> {
                    if (XdrIn.choice(x, 1, "time_how4") == 1) {
                        mask |= SetAttrMask.ATIME;
                        atime = Time4.decode(x);
                    } else {
                        mask |= SetAttrMask.ATIME_NOW;
                    }
                }
                default -> {
                    if (XdrIn.choice(x, 1, "time_how4") == 1) {
                        mask |= SetAttrMask.MTIME;
                        mtime = Time4.decode(x);
                    } else {
                        mask |= SetAttrMask.MTIME_NOW;
                    }
                }
            }
        }
        return new Sattr4(bits, new SetAttrRequest(mask, mode, 0, 0, atime, mtime, size), owner, group, Nfs4.OK);
    }

    public boolean setsMode() {
        return (change.mask() & SetAttrMask.MODE) != 0;
    }
}
