package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.ChunkGeometry;

/** The on-disk names and header: stable, exact, and strict about what they accept. */
class ChunkFormatTest {
    @Test
    void pathLayout() {
        Path p = ChunkPaths.file(Path.of("/d1"), 0x123456789ABCDEF0L, 10);
        assertThat(p).isEqualTo(Path.of("/d1/chunks/F0/chunk_123456789ABCDEF0_0000000A.mfs"));
        assertThat(ChunkPaths.tmpFile(Path.of("/d1"), 1, 2).getFileName().toString())
                .isEqualTo("chunk_0000000000000001_00000002.mfs.tmp");
    }

    @Test
    void namesRoundTripIncludingHighBits() {
        long id = 0xFEDC_BA98_7654_3210L;
        int version = 0x8000_0001;
        assertThat(ChunkPaths.parse(ChunkPaths.fileName(id, version))).isEqualTo(new ChunkPaths.Parsed(id, version));
    }

    @Test
    void onlyOurExactSpellingParses() {
        assertThat(ChunkPaths.parse("chunk_123456789abcdef0_0000000A.mfs")).isNull();
        assertThat(ChunkPaths.parse("chunk_123456789ABCDEF0_0000000A.mfs.tmp")).isNull();
        assertThat(ChunkPaths.parse("chunk_+23456789ABCDEF0_0000000A.mfs")).isNull();
        assertThat(ChunkPaths.parse("chunk_123456789ABCDEF0-0000000A.mfs")).isNull();
        assertThat(ChunkPaths.parseSubdir("A0")).isEqualTo(0xA0);
        assertThat(ChunkPaths.parseSubdir("a0")).isEqualTo(-1);
        assertThat(ChunkPaths.parseSubdir("A00")).isEqualTo(-1);
    }

    @Test
    void headerRoundTrip() throws Exception {
        int[] crcs = new int[ChunkGeometry.BLOCKS_PER_CHUNK];
        crcs[0] = 0xDEADBEEF;
        crcs[1023] = 42;
        ByteBuffer buf = ChunkHeader.encode(-5L, 77, crcs);
        assertThat(buf.remaining()).isEqualTo(ChunkHeader.SIZE);
        ChunkHeader h = ChunkHeader.decode(buf);
        assertThat(h.id).isEqualTo(-5L);
        assertThat(h.version).isEqualTo(77);
        assertThat(h.crcs).isEqualTo(crcs);
        assertThat(buf.getInt(ChunkHeader.CRC_TABLE_OFFSET + 1023 * 4)).isEqualTo(42);
    }

    @Test
    void headerFromAFutureIncompatibleFormatIsRefused() {
        ByteBuffer buf = ChunkHeader.encode(1, 1, new int[ChunkGeometry.BLOCKS_PER_CHUNK]);
        buf.putInt(12, ChunkHeader.FORMAT_VERSION + 1); // min reader version beyond us
        assertThatThrownBy(() -> ChunkHeader.decode(buf)).isInstanceOf(DamagedChunkException.class)
                .hasMessageContaining("reader version");
    }

    @Test
    void newerButCompatibleFormatIsRead() throws Exception {
        ByteBuffer buf = ChunkHeader.encode(1, 1, new int[ChunkGeometry.BLOCKS_PER_CHUNK]);
        buf.putInt(8, ChunkHeader.FORMAT_VERSION + 1); // a later writer that kept compatibility
        buf.putInt(28, Crc32c.of(buf.array(), 0, 28));
        assertThat(ChunkHeader.decode(buf).version).isEqualTo(1);
    }

    @Test
    void badMagicAndShortHeaderAreRefused() {
        ByteBuffer buf = ChunkHeader.encode(1, 1, new int[ChunkGeometry.BLOCKS_PER_CHUNK]);
        buf.put(0, (byte) 'X');
        assertThatThrownBy(() -> ChunkHeader.decode(buf)).hasMessageContaining("magic");
        assertThatThrownBy(() -> ChunkHeader.decode(ByteBuffer.allocate(100))).hasMessageContaining("truncated");
    }

    @Test
    void zeroCrcsMatchRealZeros() {
        assertThat(Crc32c.zeros(ChunkGeometry.BLOCK_SIZE))
                .isEqualTo(TestData.crc(new byte[ChunkGeometry.BLOCK_SIZE]));
        assertThat(Crc32c.zeros(123)).isEqualTo(TestData.crc(new byte[123]));
        byte[] tail = {1, 2, 3};
        byte[] whole = {0, 0, 0, 0, 1, 2, 3};
        assertThat(Crc32c.zerosThen(4, ByteBuffer.wrap(tail), 0, 3)).isEqualTo(TestData.crc(whole));
    }
}
