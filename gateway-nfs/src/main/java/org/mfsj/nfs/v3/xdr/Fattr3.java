package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Rdev;
import org.mfsj.nfs.v3.Nfs3;

/** fattr3 of an inode of file system {@code fsid}; null attributes encode as absent where optional. */
public record Fattr3(Attr attr, long fsid) {
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeInt(type(attr));
        out.xdrEncodeInt(attr.mode() & 07777);
        out.xdrEncodeInt(attr.nlink());
        out.xdrEncodeInt(attr.uid());
        out.xdrEncodeInt(attr.gid());
        out.xdrEncodeLong(attr.length());
        out.xdrEncodeLong(used(attr));
        out.xdrEncodeInt(Rdev.major(attr.rdev()));
        out.xdrEncodeInt(Rdev.minor(attr.rdev()));
        out.xdrEncodeLong(fsid);
        out.xdrEncodeLong(attr.inode());
        Time3.encode(out, attr.atimeNanos());
        Time3.encode(out, attr.mtimeNanos());
        Time3.encode(out, attr.ctimeNanos());
    }

    /** post_op_attr: absent when {@code a} is null. */
    public static void encodeOptional(XdrEncodingStream out, Attr a, long fsid) {
        if (a == null) {
            out.xdrEncodeBoolean(false);
        } else {
            out.xdrEncodeBoolean(true);
            new Fattr3(a, fsid).encode(out);
        }
    }

    /** Bytes a file occupies: whole 64 KiB blocks, which is how chunkservers store data. */
    public static long used(Attr a) {
        return a.isFile() ? (a.length() + 0xffff) & ~0xffffL : 4096;
    }

    public static int type(Attr a) {
        return switch (a.type()) {
            case FILE -> Nfs3.REG;
            case DIRECTORY -> Nfs3.DIR;
            case SYMLINK -> Nfs3.LNK;
            case FIFO -> Nfs3.FIFO;
            case BLOCK_DEVICE -> Nfs3.BLK;
            case CHAR_DEVICE -> Nfs3.CHR;
            case SOCKET -> Nfs3.SOCK;
        };
    }
}
