package org.mfsj.nfs.v3.xdr;

import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;

/** One READDIR/READDIRPLUS entry; {@code attr} and {@code fh} are used by READDIRPLUS only. */
public record Entry3(long fileid, String name, long cookie, Attr attr, byte[] fh) {
    /** fattr3 on the wire. */
    public static final int FATTR_SIZE = 84;

    /** The bytes of fileid, name and cookie: what READDIRPLUS's dircount limits. */
    public int dirSize() {
        return 8 + 4 + pad(name.getBytes(StandardCharsets.UTF_8).length) + 8;
    }

    /** The bytes this entry takes in a reply, including its value-follows word. */
    public int size(boolean plus) {
        int n = 4 + dirSize();
        if (plus) {
            n += 4 + (attr == null ? 0 : FATTR_SIZE) + 4 + (fh == null ? 0 : 4 + pad(fh.length));
        }
        return n;
    }

    void encode(XdrEncodingStream out, boolean plus, long fsid) {
        out.xdrEncodeBoolean(true);
        out.xdrEncodeLong(fileid);
        out.xdrEncodeString(name);
        out.xdrEncodeLong(cookie);
        if (plus) {
            Fattr3.encodeOptional(out, attr, fsid);
            Fh3.encodeOptional(out, fh);
        }
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
