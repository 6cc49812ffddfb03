package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Files in trash, in deletion order. */
public record TrashListReply(int msgId, Status status, List<TrashItem> items) implements Reply {
    public TrashListReply {
        items = List.copyOf(items);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.list(items, (o, t) -> o.u64(t.inode()).str(t.path()).u64(t.deletedNanos()).u64(t.length()));
    }

    public static TrashListReply decode(int msgId, WireReader r) {
        return new TrashListReply(msgId, TypeCodecs.status(r),
                r.list(1_000_000, 26, x -> new TrashItem(x.u64(), x.str(), x.u64(), x.u64())));
    }
}
