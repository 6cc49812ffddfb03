package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.rpc.GarbageException;

/** MKNOD3args: devices carry attributes and numbers, sockets and fifos attributes, other types nothing. */
public record MknodArgs3(DirOp3 where, int type, Sattr3 attrs, int major, int minor) {
    public static MknodArgs3 decode(XdrDecodingStream in) throws IOException {
        DirOp3 where = DirOp3.decode(in);
        int type = in.xdrDecodeInt();
        if (type < Nfs3.REG || type > Nfs3.FIFO) {
            throw new GarbageException("ftype3 " + type);
        }
        return switch (type) {
            case Nfs3.CHR, Nfs3.BLK -> {
                Sattr3 attrs = Sattr3.decode(in);
                yield new MknodArgs3(where, type, attrs, in.xdrDecodeInt(), in.xdrDecodeInt());
            }
            case Nfs3.SOCK, Nfs3.FIFO -> new MknodArgs3(where, type, Sattr3.decode(in), 0, 0);
            default -> new MknodArgs3(where, type, null, 0, 0);
        };
    }
}
