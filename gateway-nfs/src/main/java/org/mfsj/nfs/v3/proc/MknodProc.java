package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Rdev;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.MknodArgs3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 11: devices, sockets and fifos; files, directories and links have their own procedures. */
public final class MknodProc implements Nfs3Procedure<MknodArgs3> {
    @Override
    public MknodArgs3 decode(XdrDecodingStream in) throws IOException {
        return MknodArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, MknodArgs3 a) throws Nfs3Exception, MfsException {
        FileType type = switch (a.type()) {
            case Nfs3.CHR -> FileType.CHAR_DEVICE;
            case Nfs3.BLK -> FileType.BLOCK_DEVICE;
            case Nfs3.SOCK -> FileType.SOCKET;
            case Nfs3.FIFO -> FileType.FIFO;
            default -> throw new Nfs3Exception(Nfs3.ERR_BADTYPE, "mknod of type " + a.type());
        };
        Node dir = call.writableDir(a.where().dir());
        Nfs3Call.checkNewName(a.where().name());
        DirChange made = call.gateway().change(c -> c.mknodWithDir(call.creds(dir.export()), dir.inode(),
                a.where().name(), type, a.attrs().modeOr(0644), Rdev.of(a.major(), a.minor())));
        return Created.reply(call, dir, made, a.attrs().withoutMode());
    }

    @Override
    public int failWords() {
        return 2;
    }
}
