package org.mfsj.common.wire.chunk2master;

import java.util.List;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Periodic space and disk health. */
public record CsHeartbeat(int msgId, List<DiskReport> disks) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.list(disks, TypeCodecs::disk);
    }

    public static CsHeartbeat decode(int msgId, WireReader r) {
        return new CsHeartbeat(msgId,
                r.list(1024, 24, TypeCodecs::disk));
    }
}
