package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The answer to a {@link ScratchCreateWrite}: the new file ({@code status}, {@code attr}) and its
 * first chunk. {@code chunk} is what a {@link ScratchOpenChunk} of index 0 would have answered:
 * {@code created} means the chain creates the chunk ({@link NewChunkReply}); a chunk status other
 * than OK only means the writer asks again when it writes.
 */
public record ScratchCreatedReply(int msgId, Status status, Attr attr, boolean created, WriteChunkReply chunk)
        implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, attr);
        w.u8(created ? 1 : 0);
        chunk.encodeBody(w);
    }

    public static ScratchCreatedReply decode(int msgId, WireReader r) {
        return new ScratchCreatedReply(msgId,
                TypeCodecs.status(r),
                TypeCodecs.attrOrNull(r),
                r.u8() != 0,
                WriteChunkReply.decode(msgId, r));
    }
}
