package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** FSINFO3resok: sizes and properties of the file system, the same for every export. */
public record FsinfoReply3(Attr attr, long fsid) implements Reply3 {
    private static final int FSF_LINK = 0x1;
    private static final int FSF_SYMLINK = 0x2;
    private static final int FSF_HOMOGENEOUS = 0x8;
    private static final int FSF_CANSETTIME = 0x10;

    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeInt(Nfs3.MAX_IO);
        out.xdrEncodeInt(Nfs3.MAX_IO);
        out.xdrEncodeInt(4096);
        out.xdrEncodeInt(Nfs3.MAX_IO);
        out.xdrEncodeInt(Nfs3.MAX_IO);
        out.xdrEncodeInt(4096);
        out.xdrEncodeInt(64 * 1024);
        out.xdrEncodeLong(Long.MAX_VALUE);
        Time3.encode(out, 1);
        out.xdrEncodeInt(FSF_LINK | FSF_SYMLINK | FSF_HOMOGENEOUS | FSF_CANSETTIME);
    }
}
