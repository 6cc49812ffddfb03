package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

/** A message family's codec on an embedded channel, for codec tests: a message's frame, and what a frame becomes. */
final class CodecFrames {
    private CodecFrames() {
    }

    static ByteBuf encode(MessageFamily family, Message m) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(family, family));
        out.writeOutbound(m);
        return out.readOutbound();
    }

    /** The message the frame decodes to; else "closed" when the codec refused it, "open" when it waits for more. */
    static Object decode(MessageFamily family, ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(family, family));
        in.writeInbound(frame);
        Object m = in.readInbound();
        return m != null ? m : (in.isOpen() ? "open" : "closed");
    }
}
