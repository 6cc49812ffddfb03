package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/** Big-endian primitive writer over a Netty buffer; the counterpart of {@link WireReader}. */
public final class WireWriter {
    private final ByteBuf buf;

    public WireWriter(ByteBuf buf) {
        this.buf = buf;
    }

    public WireWriter u8(int v) {
        buf.writeByte(v);
        return this;
    }

    public WireWriter bool(boolean v) {
        buf.writeByte(v ? 1 : 0);
        return this;
    }

    public WireWriter u16(int v) {
        buf.writeShort(v);
        return this;
    }

    public WireWriter u32(int v) {
        buf.writeInt(v);
        return this;
    }

    public WireWriter u64(long v) {
        buf.writeLong(v);
        return this;
    }

    /** UTF-8 with a u16 byte count. */
    public WireWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("string too long for the wire: " + b.length + " bytes");
        }
        buf.writeShort(b.length);
        buf.writeBytes(b);
        return this;
    }

    /** Bytes with a u32 count. */
    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        buf.writeInt(len);
        buf.writeBytes(b, off, len);
        return this;
    }

    /** {@code b}'s readable bytes as they are, no count (it is written before); {@code b} is not consumed. */
    public WireWriter raw(ByteBuf b) {
        buf.writeBytes(b, b.readerIndex(), b.readableBytes());
        return this;
    }

    /** A u32 element count followed by each element. */
    public <T> WireWriter list(List<T> items, BiConsumer<WireWriter, T> element) {
        buf.writeInt(items.size());
        for (T item : items) {
            element.accept(this, item);
        }
        return this;
    }
}
