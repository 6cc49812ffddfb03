package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * A message that carries a large run of bytes after its fields ({@code u32 count, bytes}) and
 * holds one reference to them. The codec sends the bytes as they are, after a small header buffer
 * (no copy into a frame), and hands that reference to the transport; a decoded one holds its
 * bytes in a buffer of its own (see {@link WireReader#bytes(int, DirectBlocks)}). Like any Netty message it is released by
 * whoever ends its life: the transport once written or dropped, the inbound pipeline after its
 * handler ran; a handler that keeps it past that {@link #retain()}s it, and releases it on every
 * path.
 */
public interface BulkMessage extends Message, ReferenceCounted {
    /** The fields before the bytes, ending with the bytes' u32 count. */
    void encodeHead(WireWriter out);

    /** The bytes; readable from its reader index, not consumed by encoding. */
    ByteBuf bulk();

    @Override
    default void encodeBody(WireWriter out) {
        encodeHead(out);
        out.raw(bulk());
    }

    @Override
    default int sizeHint() {
        return bulk().readableBytes() + 32;
    }

    @Override
    default int refCnt() {
        return bulk().refCnt();
    }

    @Override
    default BulkMessage retain() {
        bulk().retain();
        return this;
    }

    @Override
    default BulkMessage retain(int increment) {
        bulk().retain(increment);
        return this;
    }

    @Override
    default BulkMessage touch() {
        bulk().touch();
        return this;
    }

    @Override
    default BulkMessage touch(Object hint) {
        bulk().touch(hint);
        return this;
    }

    @Override
    default boolean release() {
        return bulk().release();
    }

    @Override
    default boolean release(int decrement) {
        return bulk().release(decrement);
    }
}
