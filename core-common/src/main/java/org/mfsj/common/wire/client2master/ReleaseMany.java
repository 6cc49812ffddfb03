package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Ends one {@link Open} of this session per entry of {@code inodes} (an inode closed twice is
 * listed twice), as that many {@link Release}s would: a client sends the releases its closes
 * queued in one message, ahead of its next request or shortly after the close. Answered with a
 * {@link StatusReply}. A batch whose answer was lost is sent again with the same request id, and
 * the master ends those opens once: a second release would end an open the session made since.
 */
public record ReleaseMany(int msgId, List<Long> inodes, long reqId) implements Idempotent {
    public static final int MAX_INODES = 10_000;

    public ReleaseMany {
        inodes = List.copyOf(inodes);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(reqId);
        w.u32(inodes.size());
        inodes.forEach(w::u64);
    }

    public static ReleaseMany decode(int msgId, WireReader r) {
        long reqId = r.u64();
        return new ReleaseMany(msgId,
                r.list(MAX_INODES, 8, WireReader::u64), reqId);
    }
}
