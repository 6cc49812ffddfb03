package org.mfsj.client.master;

import org.mfsj.client.DirLeaseHolder;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.DirLease;

/** {@link DirLeaseHolder} over the master link: the lease calls, and the recalls the link hears. */
public final class DirLeaseCalls implements DirLeaseHolder {
    private final MasterCalls calls;
    private final MasterLink link;

    public DirLeaseCalls(MasterCalls calls, MasterLink link) {
        this.calls = calls;
        this.link = link;
    }

    @Override
    public boolean lease(long dir, boolean renew) throws MfsException {
        DirLease.Op op = renew ? DirLease.Op.RENEW : DirLease.Op.EMPTY;
        try {
            calls.status(id -> new DirLease(id, dir, op), "lease on directory " + dir);
            return true;
        } catch (MfsException e) {
            if (e.status() == Status.EAGAIN) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void onRecall(Recalls r) {
        link.onDirRecall(r);
    }
}
