package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Cluster overview; {@code chunksByCopies[n]} counts chunks with n valid copies. */
public record ClusterStatusReply(int msgId, List<ServerReport> servers, List<Long> chunksByCopies, long chunks, long undergoal, long overgoal, int sessions, long inodes) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.list(servers, TypeCodecs::server);
        w.list(chunksByCopies, WireWriter::u64);
        w.u64(chunks);
        w.u64(undergoal);
        w.u64(overgoal);
        w.u32(sessions);
        w.u64(inodes);
    }

    public static ClusterStatusReply decode(int msgId, WireReader r) {
        return new ClusterStatusReply(msgId,
                r.list(10_000, 21, TypeCodecs::server),
                r.list(64, 8, WireReader::u64),
                r.u64(),
                r.u64(),
                r.u64(),
                r.u32(),
                r.u64());
    }
}
