package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.DataArrays;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Data for the open write session, with its CRC32C. Decoded arrays come from
 * {@link #ARRAYS}: the receiver hands each back once nothing reads it any more.
 */
public record WriteData(int msgId, long chunkId, int offset, int crc32c, byte[] data) implements Message {
    public static final int MAX_DATA = 1 << 20;
    /** Where decoded data arrays come from: full ones, a streaming client's, are reused. */
    public static final DataArrays ARRAYS = new DataArrays(MAX_DATA, 32);

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(offset);
        w.u32(crc32c);
        w.bytes(data);
    }

    public static WriteData decode(int msgId, WireReader r) {
        return new WriteData(msgId,
                r.u64(),
                r.u32(),
                r.u32(),
                r.bytes(MAX_DATA, ARRAYS));
    }
}
