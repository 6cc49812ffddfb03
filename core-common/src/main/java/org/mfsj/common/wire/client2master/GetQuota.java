package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** A directory's quota and usage; answered with a {@link QuotaReply}. */
public record GetQuota(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static GetQuota decode(int msgId, WireReader r) {
        return new GetQuota(msgId, r.u64());
    }
}
