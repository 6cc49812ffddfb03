package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.mfsj.common.types.Creds;

/**
 * Bounds-checked reader of one frame's payload. Every read checks what is left first, so a short or
 * lying frame becomes a {@link MalformedMessageException}, never an index error or a huge allocation.
 */
public final class WireReader {
    private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private final ByteBuf buf;
    private final UnaryOperator<Creds> credsFilter;

    public WireReader(ByteBuf buf) {
        this(buf, UnaryOperator.identity());
    }

    /** A reader whose credentials pass through {@code credsFilter} (see MessageCodec#filterCreds). */
    public WireReader(ByteBuf buf, UnaryOperator<Creds> credsFilter) {
        this.buf = buf;
        this.credsFilter = credsFilter;
    }

    /** Credentials as the receiving side must treat them. */
    Creds admit(Creds decoded) {
        return credsFilter.apply(decoded);
    }

    private void need(int n, String what) {
        if (n < 0 || buf.readableBytes() < n) {
            throw new MalformedMessageException("truncated payload reading " + what + ": need " + n
                    + " bytes, " + buf.readableBytes() + " left");
        }
    }

    public int u8() {
        need(1, "u8");
        return buf.readUnsignedByte();
    }

    public boolean bool() {
        int v = u8();
        if (v > 1) {
            throw new MalformedMessageException("boolean byte is " + v);
        }
        return v == 1;
    }

    public int u16() {
        need(2, "u16");
        return buf.readUnsignedShort();
    }

    public int u32() {
        need(4, "u32");
        return buf.readInt();
    }

    public long u64() {
        need(8, "u64");
        return buf.readLong();
    }

    public String str() {
        int len = u16();
        need(len, "string");
        int at = buf.readerIndex();
        // most names are ASCII: take them without a decoder; anything else is checked strictly
        if (isAscii(at, len)) {
            String s = buf.toString(at, len, StandardCharsets.US_ASCII);
            buf.skipBytes(len);
            return s;
        }
        byte[] b = new byte[len];
        buf.readBytes(b);
        try {
            return STRICT_UTF8.get().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("string is not valid UTF-8");
        }
    }

    private boolean isAscii(int at, int len) {
        for (int i = 0; i < len; i++) {
            if (buf.getByte(at + i) < 0) {
                return false;
            }
        }
        return true;
    }

    public byte[] bytes(int max) {
        byte[] b = new byte[byteCount(max)];
        buf.readBytes(b);
        return b;
    }

    /**
     * As {@link #bytes(int)}, into a buffer the caller releases (see {@link BulkMessage}): a block
     * of {@code blocks} for a large run, the heap for a small one. Copied rather than sliced out of
     * the frame: a slice would keep the whole buffer the frame was read into, and the pool would
     * make new chunks (zeroed, faulted in) for the reads meanwhile.
     */
    public ByteBuf bytes(int max, DirectBlocks blocks) {
        int len = byteCount(max);
        ByteBuf out = blocks.fits(len) ? blocks.take() : Unpooled.buffer(len, len);
        return out.writeBytes(buf, len);
    }

    /** A u32 byte count, checked against {@code max} and against what the frame still holds. */
    private int byteCount(int max) {
        int len = u32();
        if (len < 0 || len > max) {
            throw new MalformedMessageException("byte array of " + len + " exceeds limit " + max);
        }
        need(len, "bytes");
        return len;
    }

    /** A u32 count then elements; the count is checked against what remains before allocating. */
    public <T> List<T> list(int maxCount, int minElementBytes, Function<WireReader, T> element) {
        int count = u32();
        if (count < 0 || count > maxCount) {
            throw new MalformedMessageException("list of " + count + " exceeds limit " + maxCount);
        }
        need(count * Math.max(minElementBytes, 0), "list elements");
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    public int remaining() {
        return buf.readableBytes();
    }

    public void expectEnd(String what) {
        if (buf.isReadable()) {
            throw new MalformedMessageException(buf.readableBytes() + " trailing bytes after " + what);
        }
    }
}
