package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockOwner;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.LockCall;
import org.mfsj.common.wire.client2master.LockOp;
import org.mfsj.common.wire.client2master.LockReply;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.ReadDirReply;
import org.mfsj.common.wire.client2master.WriteChunkReply;

class MessageCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;

    private static EmbeddedChannel channel(MessageFamily f) {
        return new EmbeddedChannel(new MessageCodec(f, f));
    }

    /** The frame as it goes out: one buffer, or a bulk message's header then its bytes, joined. */
    private static ByteBuf encode(MessageFamily f, Message m) {
        EmbeddedChannel out = channel(f);
        out.writeOutbound(m);
        CompositeByteBuf frame = Unpooled.compositeBuffer();
        for (ByteBuf b = out.readOutbound(); b != null; b = out.readOutbound()) {
            frame.addComponent(true, b);
        }
        return frame;
    }

    private static Message roundTrip(MessageFamily f, Message m) {
        EmbeddedChannel in = channel(f);
        in.writeInbound(encode(f, m));
        return in.readInbound();
    }

    @Test
    void requestsAndRepliesSurviveTheWire() {
        Lookup lookup = new Lookup(7, new Creds(1000, 100, new int[] {4, 27}), 1L, "héllo");
        assertThat(roundTrip(CM, lookup)).isEqualTo(lookup);

        Attr attr = new Attr(42, FileType.FILE, 0644, 1000, 100, 1L, 2L, 3L, 1, 1234567890123L, 0, 2, 1);
        ReadDirReply page = new ReadDirReply(9, Status.OK,
                List.of(new DirEntry("a", 42, FileType.FILE, 5, attr), new DirEntry("b", 43, FileType.DIRECTORY, 6, null)),
                true);
        assertThat(roundTrip(CM, page)).isEqualTo(page);

        WriteChunkReply chain = new WriteChunkReply(11, Status.OK, 10, 0xABCDEFL, 3,
                List.of(new ServerAddress("127.0.0.1", 9422), new ServerAddress("127.0.0.1", 9423)));
        assertThat(roundTrip(CM, chain)).isEqualTo(chain);
    }

    @Test
    void dataMessagesKeepTheirBytes() {
        byte[] data = new byte[65536];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        WriteData m = (WriteData) roundTrip(ClientChunkProtocol.FAMILY, WriteData.of(3, 99L, 65536, 1234, data));
        assertThat(ByteBufUtil.getBytes(m.data())).isEqualTo(data);
        assertThat(m.offset()).isEqualTo(65536);
        assertThat(m.release()).isTrue();
    }

    @Test
    void bulkBytesGoOutAsTheyAreAfterTheirHeader() {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeZero(4096);
        EmbeddedChannel out = channel(ClientChunkProtocol.FAMILY);
        out.writeOutbound(new WriteData(6, 97L, 0, 5, data));
        ByteBuf head = out.readOutbound();
        ByteBuf body = out.readOutbound();
        assertThat(body).as("the message's own buffer, not a copy").isSameAs(data);
        assertThat(head.getInt(4)).as("frame length").isEqualTo(head.readableBytes() - MessageCodec.HEADER + 4096);
        head.release();
        assertThat(body.release()).as("the transport held the only reference").isTrue();
    }

    @Test
    void aDataFrameWithBytesAfterItsDataLetsGoOfTheBytesItDecoded() throws InterruptedException {
        LeakWatch watch = new LeakWatch();
        watch.start();
        byte[] data = new byte[100 << 10];
        ByteBuf frame = encode(ClientChunkProtocol.FAMILY, WriteData.of(7, 96L, 0, 1, data));
        ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(frame).writeByte(0);
        frame.release();
        wire.setInt(4, wire.getInt(4) + 1);
        EmbeddedChannel in = channel(ClientChunkProtocol.FAMILY);
        in.writeInbound(wire.retain());
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
        assertThat(wire.refCnt()).as("nothing holds the frame but the test").isEqualTo(1);
        wire.release();
        assertThat(WriteData.BLOCKS.idle()).as("the decoded block came back").isPositive();
        assertThat(watch.leaks()).isEmpty();
        watch.stop();
    }

    @Test
    void severalFramesInOneReadAndOneFrameInPieces() {
        ByteBuf a = encode(CM, new Lookup(1, Creds.ROOT, 1, "x"));
        ByteBuf b = encode(CM, new Lookup(2, Creds.ROOT, 1, "y"));
        ByteBuf both = Unpooled.wrappedBuffer(a, b);
        EmbeddedChannel in = channel(CM);
        in.writeInbound(both.readRetainedSlice(5));
        assertThat((Object) in.readInbound()).isNull();
        in.writeInbound(both.readRetainedSlice(both.readableBytes()));
        assertThat(((Lookup) in.readInbound()).name()).isEqualTo("x");
        assertThat(((Lookup) in.readInbound()).name()).isEqualTo("y");
    }

    @Test
    void aMegabyteFrameReadInPiecesDecodesIntactWhetherItsBufferCanGrowOrNot() {
        byte[] data = new byte[WriteData.MAX_DATA];
        new java.util.Random(5).nextBytes(data);
        ByteBuf frame = encode(ClientChunkProtocol.FAMILY, WriteData.of(4, 98L, 0, 77, data));
        ByteBuf next = encode(ClientChunkProtocol.FAMILY, new WriteEnd(5, 98L));
        for (boolean growable : new boolean[] {true, false}) {
            EmbeddedChannel in = channel(ClientChunkProtocol.FAMILY);
            in.config().setAllocator(PooledByteBufAllocator.DEFAULT);
            ByteBuf wire = Unpooled.wrappedBuffer(frame.retainedDuplicate(), next.retainedDuplicate());
            while (wire.isReadable()) {
                int n = Math.min(64 << 10, wire.readableBytes());
                // a socket read lands in a pooled buffer that can grow; a slice of another buffer cannot
                ByteBuf piece = growable ? PooledByteBufAllocator.DEFAULT.directBuffer(n).writeBytes(wire, n)
                        : wire.readRetainedSlice(n);
                in.writeInbound(piece);
            }
            wire.release();
            WriteData w = in.readInbound();
            assertThat(ByteBufUtil.getBytes(w.data())).isEqualTo(data);
            assertThat(w.crc32c()).isEqualTo(77);
            w.release();
            assertThat(((WriteEnd) in.readInbound()).chunkId()).isEqualTo(98L);
            assertThat(in.isOpen()).isTrue();
            in.finishAndReleaseAll();
        }
        frame.release();
        next.release();
    }

    @Test
    void unknownTypeClosesTheConnection() {
        ByteBuf frame = Unpooled.buffer().writeInt(999_999).writeInt(4).writeInt(1);
        assertClosedBy(frame);
    }

    @Test
    void lengthBeyondTheLimitClosesTheConnection() {
        ByteBuf frame = Unpooled.buffer().writeInt(1002).writeInt(MessageCodec.MAX_PAYLOAD + 1).writeInt(1);
        assertClosedBy(frame);
    }

    @Test
    void lengthTooShortForAMessageIdClosesTheConnection() {
        ByteBuf frame = Unpooled.buffer().writeInt(1002).writeInt(2).writeShort(0);
        assertClosedBy(frame);
    }

    @Test
    void truncatedPayloadClosesTheConnection() {
        // a Lookup whose frame length ends in the middle of the name
        ByteBuf good = encode(CM, new Lookup(1, Creds.ROOT, 1, "abcdef"));
        int len = good.getInt(4);
        good.setInt(4, len - 3);
        good.writerIndex(good.writerIndex() - 3);
        assertClosedBy(good);
    }

    @Test
    void trailingBytesCloseTheConnection() {
        ByteBuf good = encode(CM, new Lookup(1, Creds.ROOT, 1, "abc"));
        good.setInt(4, good.getInt(4) + 2);
        good.writeShort(7);
        assertClosedBy(good);
    }

    @Test
    void invalidUtf8InANameClosesTheConnection() {
        ByteBuf good = encode(CM, new Lookup(1, Creds.ROOT, 1, "ab"));
        // the name is the last field: replace "ab" by a broken two-byte sequence
        good.setByte(good.writerIndex() - 2, 0xC3);
        good.setByte(good.writerIndex() - 1, 0x28);
        assertClosedBy(good);
    }

    @Test
    void hugeListCountIsRejectedBeforeAllocating() {
        // ReadDirReply claiming 2^31-1 entries with no bytes behind them
        ByteBuf frame = Unpooled.buffer().writeInt(1513).writeInt(4 + 2 + 4).writeInt(1)
                .writeShort(0).writeInt(Integer.MAX_VALUE);
        assertClosedBy(frame);
    }

    @Test
    void lockCallsAndRepliesSurviveTheWireAndAnUnknownLockTypeClosesTheConnection() {
        LockCall call = new LockCall(5, 42, LockOp.SET, LockFlavor.POSIX, LockType.WRITE, 10, HeldLock.TO_EOF, 77, 1234);
        assertThat(roundTrip(CM, call)).isEqualTo(call);
        LockReply refused = new LockReply(5, Status.EAGAIN,
                new HeldLock(LockType.READ, 0, 99, new LockOwner(3, 4), 4321));
        assertThat(roundTrip(CM, refused)).isEqualTo(refused);
        assertThat(roundTrip(CM, new LockReply(6, Status.OK, null))).isEqualTo(new LockReply(6, Status.OK, null));

        ByteBuf bad = encode(CM, call);
        // frame header 12 bytes, then inode (8), op (1), flavor (1), type (1)
        bad.setByte(12 + 8 + 2, 9);
        assertClosedBy(bad);
    }

    private static void assertClosedBy(ByteBuf frame) {
        EmbeddedChannel in = channel(CM);
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
    }
}
