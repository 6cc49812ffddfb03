package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A piece of the leader's image for a follower whose missing entries the leader no longer keeps
 * (Raft's InstallSnapshot). The image is named by its version, the term of the entry at that
 * version, its length and a stamp (when the leader wrote it); {@code data} goes at {@code offset},
 * and {@code crc} is its CRC32C, so a piece damaged in transit is refused instead of stored.
 */
public record ImagePart(int msgId, long term, long leader, String leaderClients, long imageVersion, long imageTerm,
        long imageLength, long imageStamp, long offset, int crc, byte[] data) implements Message {
    /** Largest piece accepted. */
    public static final int MAX_DATA = 1 << 20;

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(leader).str(leaderClients).u64(imageVersion).u64(imageTerm).u64(imageLength).u64(imageStamp)
                .u64(offset).u32(crc).bytes(data);
    }

    public static ImagePart decode(int msgId, WireReader r) {
        return new ImagePart(msgId, r.u64(), r.u64(), r.str(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), r.u32(),
                r.bytes(MAX_DATA));
    }
}
