package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.client2master.AttrsAtEnd;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.WriteChunkEnd;

/**
 * A write's end with the times and mode kept for it (AttrsAtEnd): both survive the wire, and an end
 * whose attributes are cut short, claim more groups than they carry, or name bits a write's end may
 * not set is refused whole (a clear reason, nothing decoded, the connection closed), alone or
 * inside a PublishWritten, so the master never sees a half-read request to apply.
 */
class WriteChunkEndCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;
    private static final long T = 1_500_000_000_123_456_789L;
    private static final AttrsAtEnd KEPT = new AttrsAtEnd(new Creds(1000, 100, new int[] {4, 5}), AttrsAtEnd.ALLOWED,
            0640, T - 1, T);
    /** Where the attributes start in a WriteChunkEnd frame: header, msgId, inode, index, chunk, length, status, flag. */
    private static final int ATTRS_AT = 8 + 4 + 8 + 4 + 8 + 8 + 2 + 1;
    /** Their size with two groups: uid, gid, count, groups, mask, mode, atime, mtime. */
    private static final int ATTRS_SIZE = 4 + 4 + 4 + 2 * 4 + 4 + 4 + 8 + 8;

    private static WriteChunkEnd end(AttrsAtEnd then) {
        return end(7, then);
    }

    private static WriteChunkEnd end(int msgId, AttrsAtEnd then) {
        return new WriteChunkEnd(msgId, 42, 3, 0x1234_5678_9ABCL, 5000, Status.OK, then);
    }

    private static ByteBuf encode(Message m) {
        return CodecFrames.encode(CM, m);
    }

    private static Object decode(ByteBuf frame) {
        return CodecFrames.decode(CM, frame);
    }

    /** Why the family refuses the frame's payload: the reason the codec logs as it closes. */
    private static String refusal(ByteBuf frame) {
        int type = frame.getInt(0);
        ByteBuf payload = frame.slice(8, frame.getInt(4));
        WireReader r = new WireReader(payload);
        int msgId = r.u32();
        try {
            CM.decode(type, msgId, r);
        } catch (MalformedMessageException e) {
            return e.getMessage();
        } finally {
            frame.release();
        }
        throw new AssertionError("decoded a malformed frame");
    }

    /** The frame with its last {@code cut} bytes gone and its length saying so. */
    private static ByteBuf cut(ByteBuf frame, int cut) {
        ByteBuf b = frame.copy(0, frame.readableBytes() - cut);
        b.setInt(4, b.readableBytes() - 8);
        frame.release();
        return b;
    }

    @Test
    void anEndSurvivesTheWireWithAndWithoutKeptAttributes() {
        assertThat(decode(encode(end(KEPT)))).usingRecursiveComparison().isEqualTo(end(KEPT));
        assertThat(decode(encode(end(null)))).usingRecursiveComparison().isEqualTo(end(null));
        ByteBuf frame = encode(end(KEPT));
        assertThat(frame.readableBytes()).as("the layout these tests cut into").isEqualTo(ATTRS_AT + ATTRS_SIZE);
        frame.release();
    }

    @Test
    void attributesCutShortAnywhereAreRefusedWhole() {
        // into the mtime, at the mode, inside the groups, with only the flag saying they follow
        for (int cut : new int[] {1, 8, 17, 20, ATTRS_SIZE}) {
            assertThat(decode(cut(encode(end(KEPT)), cut))).as("cut %d bytes short", cut).isEqualTo("closed");
            assertThat(refusal(cut(encode(end(KEPT)), cut))).as("cut %d", cut).startsWith("truncated payload");
        }
    }

    @Test
    void aGroupCountBeyondThePayloadIsRefused() {
        for (int count : new int[] {1_000, -1, 3}) {
            ByteBuf frame = encode(end(KEPT));
            frame.setInt(ATTRS_AT + 8, count);
            ByteBuf again = frame.copy();
            assertThat(decode(frame)).as("%d groups claimed, 2 sent", count).isEqualTo("closed");
            // 3 groups fit in what follows them: the times then run out instead
            assertThat(refusal(again)).contains(count == 3 ? "truncated payload" : "bad group count " + count);
        }
        ByteBuf fewer = encode(end(KEPT));
        fewer.setInt(ATTRS_AT + 8, 1);
        ByteBuf again = fewer.copy();
        assertThat(decode(fewer)).as("1 group claimed: 4 bytes left over").isEqualTo("closed");
        assertThat(refusal(again)).isNotBlank();
    }

    @Test
    void aMaskAWritesEndMayNotSetIsRefused() {
        int maskAt = ATTRS_AT + 12 + 2 * 4;
        for (int mask : new int[] {0, SetAttrMask.UID, AttrsAtEnd.ALLOWED | SetAttrMask.LENGTH}) {
            ByteBuf frame = encode(end(KEPT));
            frame.setInt(maskAt, mask);
            ByteBuf again = frame.copy();
            assertThat(decode(frame)).as("mask %d", mask).isEqualTo("closed");
            assertThat(refusal(again)).contains("mask " + mask);
        }
        assertThatThrownBy(() -> new AttrsAtEnd(Creds.ROOT, SetAttrMask.GID, 0, 0, 0))
                .as("nor can one be sent").isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void aFlagThatIsNotABooleanOrBytesAfterTheAttributesAreRefused() {
        ByteBuf flag = encode(end(KEPT));
        flag.setByte(ATTRS_AT - 1, 2);
        ByteBuf again = flag.copy();
        assertThat(decode(flag)).isEqualTo("closed");
        assertThat(refusal(again)).contains("boolean byte is 2");

        ByteBuf longer = Unpooled.buffer().writeBytes(encode(end(KEPT))).writeByte(0);
        longer.setInt(4, longer.readableBytes() - 8);
        assertThat(decode(longer)).as("one byte after the mtime").isEqualTo("closed");
        ByteBuf noAttrs = encode(end(null));
        ByteBuf withByte = Unpooled.buffer().writeBytes(noAttrs).writeByte(1);
        noAttrs.release();
        withByte.setInt(4, withByte.readableBytes() - 8);
        assertThat(decode(withByte)).as("no attributes said, a byte sent").isEqualTo("closed");
    }

    @Test
    void aPublishCarryingAnEndWithBadAttributesIsRefusedWhole() {
        Publish p = new Publish(9, Creds.ROOT, 5, "t", 1, "obj", "user.meta", new byte[] {7}, 5, 77,
                Publish.ANY_TARGET);
        // the ends inside take the publish's message id
        PublishWritten good = new PublishWritten(p, List.of(end(9, null), end(9, KEPT)));
        assertThat(decode(encode(good))).usingRecursiveComparison().isEqualTo(good);
        // the last end's mask starts 24 bytes before the frame's end (mask, mode, atime, mtime)
        ByteBuf frame = encode(good);
        frame.setInt(frame.readableBytes() - 24, 0);
        assertThat(decode(frame)).isEqualTo("closed");
        assertThat(decode(cut(encode(good), 8))).as("the last end's mtime cut").isEqualTo("closed");
    }
}
