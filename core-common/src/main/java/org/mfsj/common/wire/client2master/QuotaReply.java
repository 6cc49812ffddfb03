package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** A quota with its usage (all 0 with an error status). */
public record QuotaReply(int msgId, Status status, QuotaInfo quota) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(quota.inode()).u64(quota.softBytes()).u64(quota.hardBytes()).u64(quota.softInodes())
                .u64(quota.hardInodes()).u64(quota.usedBytes()).u64(quota.usedInodes());
    }

    public static QuotaReply decode(int msgId, WireReader r) {
        return new QuotaReply(msgId, TypeCodecs.status(r),
                new QuotaInfo(r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64()));
    }
}
