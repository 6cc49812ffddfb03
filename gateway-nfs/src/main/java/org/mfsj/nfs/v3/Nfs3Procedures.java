package org.mfsj.nfs.v3;

import org.mfsj.nfs.v3.proc.AccessProc;
import org.mfsj.nfs.v3.proc.CommitProc;
import org.mfsj.nfs.v3.proc.CreateProc;
import org.mfsj.nfs.v3.proc.FsinfoProc;
import org.mfsj.nfs.v3.proc.FsstatProc;
import org.mfsj.nfs.v3.proc.GetattrProc;
import org.mfsj.nfs.v3.proc.LinkProc;
import org.mfsj.nfs.v3.proc.LookupProc;
import org.mfsj.nfs.v3.proc.MkdirProc;
import org.mfsj.nfs.v3.proc.MknodProc;
import org.mfsj.nfs.v3.proc.NullProc;
import org.mfsj.nfs.v3.proc.PathconfProc;
import org.mfsj.nfs.v3.proc.ReadProc;
import org.mfsj.nfs.v3.proc.ReaddirProc;
import org.mfsj.nfs.v3.proc.ReadlinkProc;
import org.mfsj.nfs.v3.proc.RemoveProc;
import org.mfsj.nfs.v3.proc.RenameProc;
import org.mfsj.nfs.v3.proc.SetattrProc;
import org.mfsj.nfs.v3.proc.SymlinkProc;
import org.mfsj.nfs.v3.proc.WriteProc;

/** The dispatch table: index = procedure number of RFC 1813. */
final class Nfs3Procedures {
    private Nfs3Procedures() {
    }

    static Nfs3Procedure<?>[] table() {
        return new Nfs3Procedure<?>[] {
            new NullProc(), new GetattrProc(), new SetattrProc(), new LookupProc(), new AccessProc(),
            new ReadlinkProc(), new ReadProc(), new WriteProc(), new CreateProc(), new MkdirProc(),
            new SymlinkProc(), new MknodProc(), new RemoveProc(false), new RemoveProc(true), new RenameProc(),
            new LinkProc(), new ReaddirProc(false), new ReaddirProc(true), new FsstatProc(), new FsinfoProc(),
            new PathconfProc(), new CommitProc()
        };
    }
}
