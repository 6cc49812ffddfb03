package org.mfsj.master.service;

import java.util.concurrent.Executor;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.DirLease;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.DirLeases;

/**
 * {@link DirLease}: a new lease on a directory with no names yet (its maker's view of it is then
 * exact), the renewal of one held, or its give-back. EAGAIN when not granted: the client then
 * asks the master for names, as it does without a lease.
 */
public final class DirLeaseCalls {
    private final Namespace ns;
    private final DirLeases leases;

    public DirLeaseCalls(Namespace ns, DirLeases leases) {
        this.ns = ns;
        this.leases = leases;
    }

    /** Leases granted and recalled through {@code d}, for the namespace its master thread runs. */
    public static void serve(RequestDispatcher d, Namespace ns, Executor masterThread) {
        DirLeases leases = new DirLeases(masterThread);
        d.setChangeWatch(leases);
        new DirLeaseCalls(ns, leases).register(d);
    }

    public void register(RequestDispatcher d) {
        d.on(DirLease.class, this::lease, ErrorReplies::status);
    }

    Message lease(Peer from, DirLease r) throws MfsException {
        if (r.op() == DirLease.Op.GIVE_BACK) {
            leases.givenBack(from, r.dir(), ns.tree().find(r.dir()) instanceof DirNode d ? d : null);
            return new StatusReply(r.msgId(), Status.OK);
        }
        DirNode dir = ns.tree().requireDir(r.dir());
        boolean granted = r.op() == DirLease.Op.RENEW ? leases.holds(from, dir.id()) : dir.isEmpty();
        if (granted && r.op() == DirLease.Op.EMPTY) {
            leases.grant(from, dir);
        }
        return new StatusReply(r.msgId(), granted ? Status.OK : Status.EAGAIN);
    }
}
