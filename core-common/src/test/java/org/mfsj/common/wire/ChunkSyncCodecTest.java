package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2chunk.ChunkSync;
import org.mfsj.common.wire.client2chunk.ChunkSyncReply;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.ForceStats;
import org.mfsj.common.wire.client2chunk.ForceStatsReply;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteInitNew;

/** The messages that force written chunks to disk: each survives the wire, and a bad frame closes it. */
class ChunkSyncCodecTest {
    private static final MessageFamily CC = ClientChunkProtocol.FAMILY;

    private static ByteBuf encode(Message m) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(CC, CC));
        out.writeOutbound(m);
        return out.readOutbound();
    }

    private static Message decode(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CC, CC));
        in.writeInbound(frame);
        return in.readInbound();
    }

    private static void assertClosedBy(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CC, CC));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
    }

    @Test
    void syncRequestsRepliesAndStatsSurviveTheWire() {
        ChunkSync sync = new ChunkSync(7, List.of(new ChunkSync.Chunk(0xFEEDL, 3),
                new ChunkSync.Chunk(Long.MAX_VALUE, Integer.MAX_VALUE)));
        assertThat(decode(encode(sync))).isEqualTo(sync);
        assertThat(decode(encode(new ChunkSync(8, List.of())))).isEqualTo(new ChunkSync(8, List.of()));
        ChunkSyncReply reply = new ChunkSyncReply(7, List.of(Status.OK, Status.NO_SUCH_CHUNK));
        assertThat(decode(encode(reply))).isEqualTo(reply);
        assertThat(decode(encode(new ForceStats(9)))).isEqualTo(new ForceStats(9));
        ForceStatsReply stats = new ForceStatsReply(9, 1, 2, 3, 4);
        assertThat(decode(encode(stats))).isEqualTo(stats);
    }

    @Test
    void oneShotSessionMessagesSurviveTheWire() {
        WriteInitNew init = new WriteInitNew(new WriteInit(3, 0xABCDL, 1, List.of(new ServerAddress("127.0.0.1",
                9422))));
        assertThat(decode(encode(init))).isEqualTo(init);
        WriteEndSync end = new WriteEndSync(new WriteEnd(4, 0xABCDL));
        assertThat(decode(encode(end))).isEqualTo(end);
    }

    @Test
    void aCutSyncRequestClosesTheConnection() {
        ByteBuf frame = encode(new ChunkSync(1, List.of(new ChunkSync.Chunk(1, 1), new ChunkSync.Chunk(2, 1))));
        // the second chunk loses its version
        frame.setInt(4, frame.getInt(4) - 4);
        frame.writerIndex(frame.writerIndex() - 4);
        assertClosedBy(frame);
    }

    @Test
    void aSyncRequestClaimingMoreChunksThanItCarriesClosesTheConnection() {
        ByteBuf frame = Unpooled.buffer().writeInt(3005).writeInt(4 + 4 + 12).writeInt(1).writeInt(1_000)
                .writeLong(5).writeInt(1);
        assertClosedBy(frame);
        ByteBuf tooMany = Unpooled.buffer().writeInt(3005).writeInt(8).writeInt(1)
                .writeInt(ChunkSync.MAX_CHUNKS + 1);
        assertClosedBy(tooMany);
    }

    @Test
    void anUnknownStatusInASyncReplyClosesTheConnection() {
        ByteBuf frame = encode(new ChunkSyncReply(2, List.of(Status.OK)));
        frame.setShort(frame.writerIndex() - 2, 0x7FFF);
        assertClosedBy(frame);
    }

    @Test
    void aStatsRequestWithABodyClosesTheConnection() {
        ByteBuf frame = Unpooled.buffer().writeInt(3006).writeInt(4 + 1).writeInt(1).writeByte(0);
        assertClosedBy(frame);
    }
}
