package org.mfsj.common.wire.chunk2master;

import java.util.List;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** A chunkserver introduces itself; its chunks follow in CsChunksAdded batches. */
public record CsRegister(int msgId, long serverId, ServerAddress dataAddress, List<DiskReport> disks) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(serverId);
        TypeCodecs.address(w, dataAddress);
        w.list(disks, TypeCodecs::disk);
    }

    public static CsRegister decode(int msgId, WireReader r) {
        return new CsRegister(msgId,
                r.u64(),
                TypeCodecs.address(r),
                r.list(1024, 24, TypeCodecs::disk));
    }
}
