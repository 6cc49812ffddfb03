package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.mfsj.common.wire.client2chunk.ReadReplyFrame;

/** A read reply built in place is, byte for byte, the frame the encoder writes for the same reply. */
class ReadReplyFrameTest {
    private static final MessageFamily CC = ClientChunkProtocol.FAMILY;

    @Test
    void aFrameFilledInPlaceIsTheEncodedReplyAndDecodesAsOne() {
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        ReadReplyFrame built = new ReadReplyFrame(42, 100_000);
        ByteBuffer room = built.data();
        assertThat(room.remaining()).isEqualTo(100_000);
        room.put(0, data);
        ByteBuf frame = built.finish(data.length);

        EmbeddedChannel enc = new EmbeddedChannel(new MessageCodec(CC, CC));
        enc.writeOutbound(new ReadReply(42, Status.OK, data));
        ByteBuf encoded = enc.readOutbound();
        assertThat(ByteBufUtil.equals(frame, encoded)).isTrue();
        encoded.release();

        EmbeddedChannel dec = new EmbeddedChannel(new MessageCodec(CC, CC));
        dec.writeInbound(frame);
        ReadReply r = dec.readInbound();
        assertThat(r.msgId()).isEqualTo(42);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.data()).isEqualTo(data);
    }

    @Test
    void anEmptyReplyAndAPassedThroughFrame() {
        ByteBuf frame = new ReadReplyFrame(5, 0).finish(0);
        // a finished frame goes through the codec's encoder untouched (Peer.sendFrame)
        EmbeddedChannel ch = new EmbeddedChannel(new MessageCodec(CC, CC));
        ch.writeOutbound(frame);
        ByteBuf out = ch.readOutbound();
        EmbeddedChannel dec = new EmbeddedChannel(new MessageCodec(CC, CC));
        dec.writeInbound(out);
        ReadReply r = dec.readInbound();
        assertThat(r.data()).isEmpty();
        assertThat(r.msgId()).isEqualTo(5);
    }

    @Test
    void moreThanTheRoomOrTheLimitIsRefused() {
        ReadReplyFrame f = new ReadReplyFrame(1, 10);
        assertThatThrownBy(() -> f.finish(11)).isInstanceOf(IllegalArgumentException.class);
        f.release();
        assertThatThrownBy(() -> new ReadReplyFrame(1, ReadReply.MAX_DATA + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
