package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;

/**
 * A message family's codec on an embedded channel, for codec tests: a message's frame, what a
 * frame becomes, and one that must close the connection (client-master frames unless a family is
 * named).
 */
final class CodecFrames {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;

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

    static ByteBuf frameOf(Message m) {
        return encode(CM, m);
    }

    static Object decoded(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        return in.readInbound();
    }

    static void assertCloses(ByteBuf frame) {
        assertThat(decode(CM, frame)).as("nothing decoded, connection closed").isEqualTo("closed");
    }
}
