package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** FSSTAT3resok. */
public record FsstatReply3(Attr attr, long fsid, long totalBytes, long freeBytes, long availBytes,
                           long totalFiles, long freeFiles) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeLong(totalBytes);
        out.xdrEncodeLong(freeBytes);
        out.xdrEncodeLong(availBytes);
        out.xdrEncodeLong(totalFiles);
        out.xdrEncodeLong(freeFiles);
        out.xdrEncodeLong(freeFiles);
        // invarsec 0: the numbers change all the time
        out.xdrEncodeInt(0);
    }
}
