package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A chunkserver's forces of written chunks since it started, by cause.
 *
 * @param atSessionEnd forced when a write session ended (CHUNK_FSYNC_DELAY_MS = 0)
 * @param background forced by the delayed background pass
 * @param onRequest forced because a client's {@link ChunkSync} asked for them
 * @param pending chunks whose write sessions ended and that are not forced yet
 */
public record ForceStatsReply(int msgId, long atSessionEnd, long background, long onRequest, long pending)
        implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(atSessionEnd);
        w.u64(background);
        w.u64(onRequest);
        w.u64(pending);
    }

    public static ForceStatsReply decode(int msgId, WireReader r) {
        return new ForceStatsReply(msgId,
                r.u64(),
                r.u64(),
                r.u64(),
                r.u64());
    }
}
