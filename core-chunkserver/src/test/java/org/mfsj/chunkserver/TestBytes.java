package org.mfsj.chunkserver;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Test data, checksums, and the chunk files behind a server's back. */
final class TestBytes {
    private TestBytes() {
    }

    static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static int crc(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data, 0, data.length);
        return (int) c.getValue();
    }

    /** The file holding {@code chunkId} somewhere under {@code dir} (the store names files by hex id). */
    static Path chunkFile(Path dir, long chunkId) throws IOException {
        String marker = "chunk_" + ChunkIds.hex(chunkId) + "_";
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(marker)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file for chunk " + ChunkIds.hex(chunkId) + " in " + dir));
        }
    }

    static boolean hasChunkFile(Path dir, long chunkId) throws IOException {
        String marker = "chunk_" + ChunkIds.hex(chunkId) + "_";
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(marker));
        }
    }

    /** Flips every bit of the file's last byte, which is data (the header comes first). */
    static void flipLastByte(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() - 1;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(~b & 0xFF);
        }
    }
}
