package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Rdev;
import org.mfsj.nfs.rpc.GarbageException;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.ChangeInfo4;
import org.mfsj.nfs.v4.xdr.Sattr4;

/** CREATE (6): directories, symlinks, devices, sockets and fifos (regular files come from OPEN). */
public final class CreateOp implements Nfs4Op<CreateOp.Args> {
    /** CREATE4args. */
    public record Args(int type, String link, int major, int minor, String name, Sattr4 attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = in.xdrDecodeInt();
        String link = null;
        int major = 0;
        int minor = 0;
        if (type == Nfs4.NF4LNK) {
            link = XdrIn.string(in, XdrIn.MAX_PATH, "linktext4");
        } else if (type == Nfs4.NF4BLK || type == Nfs4.NF4CHR) {
            major = in.xdrDecodeInt();
            minor = in.xdrDecodeInt();
        } else if (type < Nfs4.NF4REG || type > Nfs4.NF4FIFO + 2) {
            throw new GarbageException("nfs_ftype4 " + type);
        }
        return new Args(type, link, major, minor, XdrIn.string(in, XdrIn.MAX_NAME, "objname"), Sattr4.decode(in));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node dir = ctx.currentDir();
        CompoundContext.writable(dir);
        CompoundContext.checkName(a.name());
        SetAttrRequest change = ctx.change(a.attrs());
        Creds c = ctx.creds(dir.export());
        int mode = (change.mask() & SetAttrMask.MODE) != 0 ? change.mode() : -1;
        if (a.type() != Nfs4.NF4DIR && a.type() != Nfs4.NF4LNK && a.type() != Nfs4.NF4BLK
                && a.type() != Nfs4.NF4CHR && a.type() != Nfs4.NF4SOCK && a.type() != Nfs4.NF4FIFO) {
            throw new Nfs4Exception(Nfs4.ERR_BADTYPE, "CREATE of type " + a.type());
        }
        DirChange created = ctx.gateway().change(cl -> switch (a.type()) {
            case Nfs4.NF4DIR -> cl.mkdirWithDir(c, dir.inode(), a.name(), mode < 0 ? 0755 : mode);
            case Nfs4.NF4LNK -> cl.symlinkWithDir(c, dir.inode(), a.name(), a.link());
            default -> cl.mknodWithDir(c, dir.inode(), a.name(), type(a.type()), mode < 0 ? 0644 : mode,
                    Rdev.of(a.major(), a.minor()));
        });
        Attr made = created.entry();
        SetAttrRequest rest = new SetAttrRequest(change.mask() & ~SetAttrMask.MODE, 0, change.uid(), change.gid(),
                change.atimeNanos(), change.mtimeNanos(), change.length());
        if (rest.mask() != 0) {
            made = ctx.gateway().setattr(c, made.inode(), rest);
        }
        ctx.setCurrent(dir.export(), made);
        ChangeInfo4 ci = ChangeInfo4.of(dir.attr(), RemoveOp.afterOrNow(ctx, created.dir(), dir.inode()));
        return out -> {
            ci.encode(out);
            a.attrs().bits().encode(out);
        };
    }

    private static FileType type(int t) {
        return switch (t) {
            case Nfs4.NF4BLK -> FileType.BLOCK_DEVICE;
            case Nfs4.NF4CHR -> FileType.CHAR_DEVICE;
            case Nfs4.NF4SOCK -> FileType.SOCKET;
            default -> FileType.FIFO;
        };
    }
}
