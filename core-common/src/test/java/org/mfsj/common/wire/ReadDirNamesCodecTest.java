package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.ReadDir;
import org.mfsj.common.wire.client2master.ReadDirNames;
import org.mfsj.common.wire.client2master.ReadDirNamesReply;

/** A listing by name only, packed: its entries, its size on the wire and its checks. */
class ReadDirNamesCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;
    private static final int REPLY_TYPE = 1075;

    private static NameList three() {
        return new NameList.Builder(2)
                .add("f0000001", 0x1_0000_0005L, FileType.FILE, 3)
                .add("ünïcødé", 6, FileType.DIRECTORY, 4)
                .add("x".repeat(255), 7, FileType.SYMLINK, 1L << 40)
                .build();
    }

    private static ByteBuf encode(Message m) {
        return CodecFrames.encode(CM, m);
    }

    private static Object decode(ByteBuf frame) {
        return CodecFrames.decode(CM, frame);
    }

    /** A reply frame whose packed run is {@code packed}, claiming {@code count} entries. */
    private static ByteBuf reply(int count, byte[] packed) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(REPLY_TYPE).writeInt(4 + 2 + 4 + 4 + packed.length + 1).writeInt(9);
        b.writeShort(Status.OK.code()).writeInt(count).writeInt(packed.length).writeBytes(packed).writeBoolean(true);
        return b;
    }

    @Test
    void entriesSurviveTheWireWithoutAnObjectPerName() {
        NameList n = three();
        assertThat(n.names()).containsExactly("f0000001", "ünïcødé", "x".repeat(255));
        assertThat(n.inode(0)).isEqualTo(0x1_0000_0005L);
        assertThat(n.cookie(2)).isEqualTo(1L << 40);
        assertThat(n.type(1)).isEqualTo(FileType.DIRECTORY);
        assertThat(n.indexOf(4)).isEqualTo(1);
        assertThat(n.indexOf(5)).isEqualTo(-1);

        ReadDirNamesReply back = (ReadDirNamesReply) decode(encode(new ReadDirNamesReply(9, Status.OK, n, true)));
        assertThat(back.names().names()).containsExactlyElementsOf(n.names());
        assertThat(back.names().bytes()).isEqualTo(n.bytes());
        assertThat(back.eof()).isTrue();
        ReadDirNames ask = new ReadDirNames(new ReadDir(3, new Creds(1000, 100, new int[] {4}), 1, 3, 500, false));
        assertThat(decode(encode(ask))).usingRecursiveComparison().isEqualTo(ask);
    }

    @Test
    void aPageOfShortNamesIsAboutAThirdOfTheListingWithItsRecords() {
        List<DirEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(new DirEntry(String.format("f%07d", i), 100 + i, FileType.FILE, 3 + i, null));
        }
        int packed = encode(new ReadDirNamesReply(1, Status.OK, NameList.of(entries), true)).readableBytes();
        // inode, cookie, type, length and 8 name bytes: 26 per entry, where a DirEntry list sends 36
        assertThat(packed).isLessThanOrEqualTo(1000 * 26 + 32);
    }

    @Test
    void aMalformedPageClosesTheConnection() {
        byte[] good = three().bytes();
        assertThat(decode(reply(3, good))).isInstanceOf(ReadDirNamesReply.class);
        assertThat(decode(reply(4, good))).as("more entries claimed than packed").isEqualTo("closed");
        assertThat(decode(reply(2, good))).as("bytes left after the last entry").isEqualTo("closed");
        byte[] slash = good.clone();
        slash[NameList.ENTRY_HEADER + 1] = '/';
        assertThat(decode(reply(3, slash))).as("a name with '/'").isEqualTo("closed");
        byte[] type = good.clone();
        type[16] = 99;
        assertThat(decode(reply(3, type))).as("an unknown type").isEqualTo("closed");
        byte[] empty = good.clone();
        empty[17] = 0;
        assertThat(decode(reply(3, empty))).as("an empty name").isEqualTo("closed");
        assertThat(decode(reply(-1, good))).as("a negative count").isEqualTo("closed");
    }

    @Test
    void aNameTheKernelCouldNotTakeIsNotPacked() {
        NameList.Builder b = new NameList.Builder(1);
        assertThatThrownBy(() -> b.add("y".repeat(256), 1, FileType.FILE, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add("", 1, FileType.FILE, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NameList.wrap("ab".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NameList.wrap(new byte[0], 0).size()).isZero();
    }
}
