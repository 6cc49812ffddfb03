package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Space and inode totals. */
public record StatFsReply(int msgId, Status status, long totalBytes, long availBytes, long usedBytes, long inodes) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(totalBytes);
        w.u64(availBytes);
        w.u64(usedBytes);
        w.u64(inodes);
    }

    public static StatFsReply decode(int msgId, WireReader r) {
        return new StatFsReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64(),
                r.u64(),
                r.u64());
    }
}
