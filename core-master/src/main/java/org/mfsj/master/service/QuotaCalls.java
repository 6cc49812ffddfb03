package org.mfsj.master.service;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.wire.client2master.GetQuota;
import org.mfsj.common.wire.client2master.QuotaReply;
import org.mfsj.common.wire.client2master.SetQuota;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;

/** Directory quotas: set (or remove) and read with usage. Enforcement is in the namespace ops. */
public final class QuotaCalls {
    private final Namespace ns;

    public QuotaCalls(Namespace ns) {
        this.ns = ns;
    }

    public void register(RequestDispatcher d) {
        d.on(SetQuota.class, (p, r) -> {
            ns.setQuota(r.creds(), r.inode(), r.softBytes(), r.hardBytes(), r.softInodes(), r.hardInodes());
            return new StatusReply(r.msgId(), Status.OK);
        }, ErrorReplies::status);
        d.on(GetQuota.class, (p, r) -> new QuotaReply(r.msgId(), Status.OK, ns.getQuota(r.inode())),
                (id, st) -> new QuotaReply(id, st, new QuotaInfo(0, 0, 0, 0, 0, 0, 0)));
    }
}
