package org.mfsj.common.wire.client2chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.mfsj.common.wire.BulkMessage;
import org.mfsj.common.wire.DirectBlocks;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Data for the open write session, with its CRC32C. It holds one reference to {@code data}
 * ({@link BulkMessage}): sent, the bytes go out as they are; decoded, they are copied once out of
 * the frame into a recycled direct block ({@link #BLOCKS}), which a chunkserver writes to disk and
 * forwards down the chain as it is.
 */
public record WriteData(int msgId, long chunkId, int offset, int crc32c, ByteBuf data) implements BulkMessage {
    public static final int MAX_DATA = 1 << 20;
    /** Where decoded data lands: a streaming client's pieces come back here once written and forwarded. */
    public static final DirectBlocks BLOCKS = new DirectBlocks(MAX_DATA, 64);

    /** Data in an array, which must not change until the message is written. */
    public static WriteData of(int msgId, long chunkId, int offset, int crc32c, byte[] data) {
        return new WriteData(msgId, chunkId, offset, crc32c, Unpooled.wrappedBuffer(data));
    }

    public int length() {
        return data.readableBytes();
    }

    @Override
    public ByteBuf bulk() {
        return data;
    }

    @Override
    public void encodeHead(WireWriter w) {
        w.u64(chunkId);
        w.u32(offset);
        w.u32(crc32c);
        w.u32(data.readableBytes());
    }

    public static WriteData decode(int msgId, WireReader r) {
        return new WriteData(msgId,
                r.u64(),
                r.u32(),
                r.u32(),
                r.bytes(MAX_DATA, BLOCKS));
    }
}
