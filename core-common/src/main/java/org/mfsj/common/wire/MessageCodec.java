package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mfsj.common.types.Creds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames on the wire: {@code type:u32 length:u32 payload}, payload = {@code msgId:u32 body}.
 * A frame that is too long, too short, of an unknown type or that does not decode exactly closes
 * the connection with one log line naming the peer; the daemon goes on serving everyone else.
 */
public final class MessageCodec extends ByteToMessageCodec<Message> {
    public static final int HEADER = 8;
    /** Largest payload accepted: room for a 4 MiB read reply plus metadata pages. */
    public static final int MAX_PAYLOAD = 8 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(MessageCodec.class);

    private final MessageFamily inbound;
    private final MessageFamily outbound;
    private boolean broken;
    private volatile UnaryOperator<Creds> credsFilter = UnaryOperator.identity();

    public MessageCodec(MessageFamily inbound, MessageFamily outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /**
     * Maps the credentials of every message decoded from now on: the server's auth layer (an
     * export's maproot/mapall, "nobody" before a session is admitted), applied where credentials
     * come off the wire so that no handler can miss it.
     */
    public void filterCreds(UnaryOperator<Creds> filter) {
        credsFilter = filter;
    }

    /**
     * A {@link BulkMessage} goes out as two buffers, its header and fields, then its bytes as they
     * are (one writev with them): copying 1 MiB of data into a frame cost the mount a copy per
     * MiB, and the frame buffers of that size kept the pool allocating and zeroing fresh chunks.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!(msg instanceof BulkMessage b)) {
            super.write(ctx, msg, promise);
            return;
        }
        ByteBuf head = ctx.alloc().directBuffer(HEADER + 64);
        try {
            head.writeInt(outbound.typeOf(b));
            head.writeInt(0);
            head.writeInt(b.msgId());
            b.encodeHead(new WireWriter(head));
            head.setInt(4, head.readableBytes() - HEADER + b.bulk().readableBytes());
        } catch (RuntimeException e) {
            head.release();
            b.release();
            promise.setFailure(e);
            return;
        }
        ctx.write(head);
        // the message's one reference to its bytes goes to the transport with them
        ctx.write(b.bulk(), promise);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        int hint = msg.sizeHint();
        if (hint > out.writableBytes()) {
            out.ensureWritable(HEADER + 4 + hint);
        }
        out.writeInt(outbound.typeOf(msg));
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        out.writeInt(msg.msgId());
        msg.encodeBody(new WireWriter(out));
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }

    /**
     * Starts a frame of {@code type} in a buffer of the transport's allocator with room for
     * {@code bodyBytes} of body, for a sender that fills a large body in place (a chunkserver reads
     * file data straight into its reply) instead of handing a message to {@link #encode}. The
     * caller writes the body, calls {@link #endFrame}, and sends it with {@link Peer#sendFrame}.
     */
    public static ByteBuf startFrame(int type, int msgId, int bodyBytes) {
        ByteBuf frame = Transport.allocator().directBuffer(HEADER + 4 + bodyBytes);
        frame.writeInt(type);
        frame.writeInt(0);
        frame.writeInt(msgId);
        return frame;
    }

    /** Sets the length of a frame begun with {@link #startFrame} to what has been written. */
    public static void endFrame(ByteBuf frame) {
        frame.setInt(frame.readerIndex() + 4, frame.readableBytes() - HEADER);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= HEADER) {
            int start = in.readerIndex();
            int type = in.getInt(start);
            int length = in.getInt(start + 4);
            if (length < 4 || length > MAX_PAYLOAD) {
                reject(ctx, in, "frame length " + Integer.toUnsignedString(length) + " for type " + type);
                return;
            }
            if (in.readableBytes() < HEADER + length) {
                // room for the whole frame now: grown read by read, a 1 MiB frame was copied over again at each
                // doubling (a buffer that cannot grow, a slice handed in, is left to the decoder's own merging)
                int missing = HEADER + length - in.readableBytes();
                if (!in.isReadOnly() && in.maxWritableBytes() >= missing) {
                    in.ensureWritable(missing);
                }
                return;
            }
            ByteBuf payload = in.slice(start + HEADER, length);
            in.skipBytes(HEADER + length);
            try {
                WireReader r = new WireReader(payload, credsFilter);
                int msgId = r.u32();
                out.add(inbound.decode(type, msgId, r));
            } catch (MalformedMessageException | IllegalArgumentException e) {
                reject(ctx, in, e.getMessage());
                return;
            }
        }
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, String why) {
        broken = true;
        in.skipBytes(in.readableBytes());
        LOG.warn("closing connection from {} ({}): malformed frame: {}", ctx.channel().remoteAddress(),
                inbound.name(), why);
        ctx.close();
    }
}
