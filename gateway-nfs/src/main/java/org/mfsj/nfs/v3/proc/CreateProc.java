package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.ExclusiveVerifier;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.CreateArgs3;
import org.mfsj.nfs.v3.xdr.Reply3;

/**
 * Procedure 8: a regular file. UNCHECKED takes an existing file as it is (with the attributes
 * applied), GUARDED refuses it, EXCLUSIVE keeps the client's verifier in the new file's atime and
 * mtime, so a retransmitted create finds its own file and succeeds while anyone else's fails.
 */
public final class CreateProc implements Nfs3Procedure<CreateArgs3> {
    @Override
    public CreateArgs3 decode(XdrDecodingStream in) throws IOException {
        return CreateArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, CreateArgs3 a) throws Nfs3Exception, MfsException {
        Node dir = call.writableDir(a.where().dir());
        String name = a.where().name();
        Nfs3Call.checkNewName(name);
        Creds c = call.creds(dir.export());
        if (a.how() == Nfs3.CREATE_EXCLUSIVE) {
            return exclusive(call, dir, c, name, a.verifier());
        }
        try {
            int mode = a.attrs().modeOr(0644);
            DirChange made = call.gateway().change(cl -> cl.mknodWithDir(c, dir.inode(), name, FileType.FILE, mode, 0));
            return Created.reply(call, dir, made, a.attrs().withoutMode());
        } catch (MfsException e) {
            if (e.status() != Status.EEXIST || a.how() == Nfs3.CREATE_GUARDED) {
                throw e;
            }
        }
        Attr existing = call.gateway().lookup(c, dir.inode(), name);
        if (!existing.isFile()) {
            throw new Nfs3Exception(Nfs3.ERR_EXIST, "'" + name + "' exists and is a " + existing.type());
        }
        return Created.reply(call, dir, existing, dir.attr(), a.attrs().withoutMode());
    }

    private static Reply3 exclusive(Nfs3Call call, Node dir, Creds c, String name, byte[] verifier)
            throws Nfs3Exception, MfsException {
        SetAttrRequest stamp = ExclusiveVerifier.stamp(verifier);
        try {
            DirChange made = call.gateway().change(cl -> cl.mknodWithDir(c, dir.inode(), name, FileType.FILE, 0600, 0));
            return Created.reply(call, dir, made, stamp);
        } catch (MfsException e) {
            if (e.status() != Status.EEXIST) {
                throw e;
            }
        }
        Attr existing = call.gateway().lookup(c, dir.inode(), name);
        if (!ExclusiveVerifier.matches(existing, verifier)) {
            throw new Nfs3Exception(Nfs3.ERR_EXIST, "'" + name + "' exists and was not created with this verifier");
        }
        return Created.reply(call, dir, existing, dir.attr(), null);
    }

    @Override
    public int failWords() {
        return 2;
    }
}
