package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.WireReader;

/**
 * {@link ScratchCreateOpen} that also opens the new file's first chunk for writing, as a
 * {@link ScratchOpenChunk} of index 0 would: one round trip instead of two for a writer that knows
 * it will write (an S3 PUT with a body). Answered with a {@link ScratchCreatedReply} once applied.
 * Outside a scratch directory the master creates and opens the file as {@link CreateOpen} does,
 * durably, and opens no chunk.
 */
public record ScratchCreateWrite(CreateOpen call) implements WrappedCall {
    public static ScratchCreateWrite decode(int msgId, WireReader r) {
        return new ScratchCreateWrite(CreateOpen.decode(msgId, r));
    }
}
