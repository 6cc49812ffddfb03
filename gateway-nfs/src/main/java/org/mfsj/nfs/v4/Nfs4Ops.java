package org.mfsj.nfs.v4;

import java.util.HashMap;
import java.util.Map;
import org.mfsj.nfs.v4.op.AccessOp;
import org.mfsj.nfs.v4.op.CloseOp;
import org.mfsj.nfs.v4.op.CommitOp;
import org.mfsj.nfs.v4.op.CreateOp;
import org.mfsj.nfs.v4.op.CreateSessionOp;
import org.mfsj.nfs.v4.op.DestroyClientIdOp;
import org.mfsj.nfs.v4.op.DestroySessionOp;
import org.mfsj.nfs.v4.op.ExchangeIdOp;
import org.mfsj.nfs.v4.op.GetFhOp;
import org.mfsj.nfs.v4.op.GetattrOp;
import org.mfsj.nfs.v4.op.LinkOp;
import org.mfsj.nfs.v4.op.LockOp;
import org.mfsj.nfs.v4.op.LockTestOp;
import org.mfsj.nfs.v4.op.LookupOp;
import org.mfsj.nfs.v4.op.OpenConfirmOp;
import org.mfsj.nfs.v4.op.OpenDowngradeOp;
import org.mfsj.nfs.v4.op.OpenOp;
import org.mfsj.nfs.v4.op.PutFhOp;
import org.mfsj.nfs.v4.op.PutRootFhOp;
import org.mfsj.nfs.v4.op.ReadOp;
import org.mfsj.nfs.v4.op.ReaddirOp;
import org.mfsj.nfs.v4.op.ReadlinkOp;
import org.mfsj.nfs.v4.op.ReclaimCompleteOp;
import org.mfsj.nfs.v4.op.ReleaseLockOwnerOp;
import org.mfsj.nfs.v4.op.RemoveOp;
import org.mfsj.nfs.v4.op.RenewOp;
import org.mfsj.nfs.v4.op.RenameOp;
import org.mfsj.nfs.v4.op.SaveRestoreFhOp;
import org.mfsj.nfs.v4.op.SecinfoNoNameOp;
import org.mfsj.nfs.v4.op.SecinfoOp;
import org.mfsj.nfs.v4.op.SequenceOp;
import org.mfsj.nfs.v4.op.SetClientIdConfirmOp;
import org.mfsj.nfs.v4.op.SetClientIdOp;
import org.mfsj.nfs.v4.op.SetattrOp;
import org.mfsj.nfs.v4.op.StateIdOps;
import org.mfsj.nfs.v4.op.UnlockOp;
import org.mfsj.nfs.v4.op.VerifyOp;
import org.mfsj.nfs.v4.op.WriteOp;

/** The dispatch table: operation number -> operation. */
final class Nfs4Ops {
    private Nfs4Ops() {
    }

    static Map<Integer, Nfs4Op<?>> table() {
        Map<Integer, Nfs4Op<?>> t = new HashMap<>();
        t.put(Nfs4.OP_ACCESS, new AccessOp());
        t.put(Nfs4.OP_CLOSE, new CloseOp());
        t.put(Nfs4.OP_COMMIT, new CommitOp());
        t.put(Nfs4.OP_CREATE, new CreateOp());
        t.put(Nfs4.OP_DELEGRETURN, new StateIdOps.DelegReturn());
        t.put(Nfs4.OP_GETATTR, new GetattrOp());
        t.put(Nfs4.OP_GETFH, new GetFhOp());
        t.put(Nfs4.OP_LINK, new LinkOp());
        t.put(Nfs4.OP_LOCK, new LockOp());
        t.put(Nfs4.OP_LOCKT, new LockTestOp());
        t.put(Nfs4.OP_LOCKU, new UnlockOp());
        t.put(Nfs4.OP_LOOKUP, new LookupOp(false));
        t.put(Nfs4.OP_LOOKUPP, new LookupOp(true));
        t.put(Nfs4.OP_OPEN, new OpenOp());
        t.put(Nfs4.OP_OPEN_DOWNGRADE, new OpenDowngradeOp());
        t.put(Nfs4.OP_PUTFH, new PutFhOp());
        t.put(Nfs4.OP_PUTPUBFH, new PutRootFhOp());
        t.put(Nfs4.OP_PUTROOTFH, new PutRootFhOp());
        t.put(Nfs4.OP_READ, new ReadOp());
        t.put(Nfs4.OP_READDIR, new ReaddirOp());
        t.put(Nfs4.OP_READLINK, new ReadlinkOp());
        t.put(Nfs4.OP_REMOVE, new RemoveOp());
        t.put(Nfs4.OP_RENAME, new RenameOp());
        t.put(Nfs4.OP_RESTOREFH, new SaveRestoreFhOp(false));
        t.put(Nfs4.OP_SAVEFH, new SaveRestoreFhOp(true));
        t.put(Nfs4.OP_SETATTR, new SetattrOp());
        t.put(Nfs4.OP_WRITE, new WriteOp());
        t.put(Nfs4.OP_EXCHANGE_ID, new ExchangeIdOp());
        t.put(Nfs4.OP_CREATE_SESSION, new CreateSessionOp());
        t.put(Nfs4.OP_DESTROY_SESSION, new DestroySessionOp());
        t.put(Nfs4.OP_FREE_STATEID, new StateIdOps.Free());
        t.put(Nfs4.OP_SECINFO_NO_NAME, new SecinfoNoNameOp());
        t.put(Nfs4.OP_SECINFO, new SecinfoOp());
        t.put(Nfs4.OP_VERIFY, new VerifyOp(true));
        t.put(Nfs4.OP_NVERIFY, new VerifyOp(false));
        t.put(Nfs4.OP_SEQUENCE, new SequenceOp());
        t.put(Nfs4.OP_TEST_STATEID, new StateIdOps.Test());
        t.put(Nfs4.OP_DESTROY_CLIENTID, new DestroyClientIdOp());
        t.put(Nfs4.OP_RECLAIM_COMPLETE, new ReclaimCompleteOp());
        t.put(Nfs4.OP_SETCLIENTID, new SetClientIdOp());
        t.put(Nfs4.OP_SETCLIENTID_CONFIRM, new SetClientIdConfirmOp());
        t.put(Nfs4.OP_RENEW, new RenewOp());
        t.put(Nfs4.OP_OPEN_CONFIRM, new OpenConfirmOp());
        t.put(Nfs4.OP_RELEASE_LOCKOWNER, new ReleaseLockOwnerOp());
        return t;
    }
}
