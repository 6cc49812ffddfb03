package org.mfsj.common.wire.client2chunk;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.MessageCodec;

/**
 * A successful {@link ReadReply} built in place: the chunkserver reads file data straight into the
 * frame's buffer, so the bytes are neither gathered in a Java array nor copied again by the encoder.
 * On the wire it is exactly what {@link ReadReply#encodeBody} writes, and decodes as a ReadReply.
 */
public final class ReadReplyFrame {
    private static final int TYPE = ClientChunkProtocol.FAMILY.typeOf(ReadReply.class);
    /** status:u16, then the data's length:u32. */
    private static final int DATA_PREFIX = 6;

    private final ByteBuf frame;
    private final int dataAt;

    /** A frame with room for up to {@code maxData} bytes (at most {@link ReadReply#MAX_DATA}). */
    public ReadReplyFrame(int msgId, int maxData) {
        if (maxData < 0 || maxData > ReadReply.MAX_DATA) {
            throw new IllegalArgumentException("read reply of " + maxData + " bytes exceeds " + ReadReply.MAX_DATA);
        }
        frame = MessageCodec.startFrame(TYPE, msgId, DATA_PREFIX + maxData);
        frame.writeShort(Status.OK.code());
        frame.writeInt(0);
        dataAt = frame.writerIndex();
        frame.writerIndex(dataAt + maxData);
    }

    /** Where the data goes: {@code maxData} writable bytes, the caller's to fill from position 0. */
    public ByteBuffer data() {
        return frame.nioBuffer(dataAt, frame.writerIndex() - dataAt);
    }

    /** The finished frame holding the first {@code n} data bytes; the caller sends or releases it. */
    public ByteBuf finish(int n) {
        if (n < 0 || n > frame.writerIndex() - dataAt) {
            throw new IllegalArgumentException("read reply of " + n + " bytes in room for " + (frame.writerIndex() - dataAt));
        }
        frame.writerIndex(dataAt + n);
        frame.setInt(dataAt - 4, n);
        MessageCodec.endFrame(frame);
        return frame;
    }

    /** Gives the buffer back unsent (the read failed). */
    public void release() {
        frame.release();
    }
}
