package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;

/** Client-master frames for codec tests: one encoded, one decoded, and one that must close the connection. */
final class CodecFrames {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;

    private CodecFrames() {
    }

    static ByteBuf frameOf(Message m) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(CM, CM));
        out.writeOutbound(m);
        return out.readOutbound();
    }

    static Object decoded(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        return in.readInbound();
    }

    static void assertCloses(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).as("nothing decoded").isNull();
        assertThat(in.isOpen()).as("connection closed").isFalse();
    }
}
