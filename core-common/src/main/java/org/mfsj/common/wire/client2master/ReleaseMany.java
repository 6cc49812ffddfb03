package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Ends one {@link Open} of this session per entry of {@code inodes} (an inode closed twice is
 * listed twice), as that many {@link Release}s would: a client sends the releases its closes
 * queued in one message, ahead of its next request or shortly after the close. Answered with a
 * {@link StatusReply}.
 */
public record ReleaseMany(int msgId, List<Long> inodes) implements Message {
    public static final int MAX_INODES = 10_000;

    public ReleaseMany {
        inodes = List.copyOf(inodes);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(inodes.size());
        inodes.forEach(w::u64);
    }

    public static ReleaseMany decode(int msgId, WireReader r) {
        return new ReleaseMany(msgId,
                r.list(MAX_INODES, 8, WireReader::u64));
    }
}
