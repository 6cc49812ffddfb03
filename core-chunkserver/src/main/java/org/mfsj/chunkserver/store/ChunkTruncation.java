package org.mfsj.chunkserver.store;

import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import org.mfsj.common.types.ChunkGeometry;

/**
 * Truncate (or zero-extend) plus version change as one crash-safe step. Changing the file in
 * place and renaming it could leave, after a crash, a file whose header disagrees with its name
 * or whose old version holds cut data. Instead the new chunk is built beside the old one
 * ({@code .tmp}: header, then the kept data copied by the kernel with {@code transferTo}),
 * forced to disk and renamed over the new name; only then is the old file deleted. A crash
 * leaves the old file, or the new one, or both (the start-up scan keeps the higher version), and
 * at most a {@code .tmp} that the scan deletes. The price is a copy of the kept data, which
 * truncation (rare, once per file size change) can afford.
 */
final class ChunkTruncation {
    private static final Set<OpenOption> BUILD = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);

    private ChunkTruncation() {
    }

    /**
     * Builds and installs the new file; returns it open. The old channel is closed and the old
     * file removed on success; on failure the old file is untouched and still open.
     */
    static ChunkFile run(ChunkFile old, ChannelOpener opener, Path disk, int oldVersion, int newVersion,
                         int newLength) throws IOException {
        int[] crcs = newCrcs(old, newLength);
        Path tmp = ChunkPaths.tmpFile(disk, old.id(), newVersion);
        Path target = ChunkPaths.file(disk, old.id(), newVersion);
        FileChannel ch = opener.open(tmp, BUILD);
        try {
            ChunkFile.writeFully(ch, ChunkHeader.encode(old.id(), newVersion, crcs), 0);
            copy(old.channel(), ch, Math.min(old.length(), newLength));
            if (newLength > old.length()) {
                // one zero byte at the end sets the size; the rest stays a hole that reads as zeros
                ChunkFile.writeFully(ch, ByteBuffer.allocate(1), ChunkHeader.SIZE + (long) newLength - 1);
            }
            ch.force(true);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            ChunkFile.closeQuietly(ch);
            deleteQuietly(tmp);
            throw e;
        }
        old.close();
        if (oldVersion != newVersion) {
            // if this fails the scan finds both and keeps the newer
            deleteQuietly(ChunkPaths.file(disk, old.id(), oldVersion));
        }
        return new ChunkFile(ch, old.id(), crcs, newLength);
    }

    /**
     * Blocks wholly below the cut keep their CRC; the block holding the old end or the cut is
     * read and checked (a bad block is refused, not re-blessed with a fresh CRC); blocks past
     * the old data are zeros.
     */
    private static int[] newCrcs(ChunkFile old, int newLength) throws IOException {
        int[] crcs = new int[ChunkGeometry.BLOCKS_PER_CHUNK];
        int kept = Math.min(old.length(), newLength);
        int whole = kept / BLOCK_SIZE;
        for (int b = 0; b < whole; b++) {
            crcs[b] = old.crc(b);
        }
        for (int b = whole; (long) b * BLOCK_SIZE < newLength; b++) {
            int start = b * BLOCK_SIZE;
            int newEnd = Math.min(BLOCK_SIZE, newLength - start);
            int keptHere = Math.max(0, Math.min(BLOCK_SIZE, kept - start));
            if (keptHere == 0) {
                crcs[b] = Crc32c.zeros(newEnd);
                continue;
            }
            byte[] image = new byte[BLOCK_SIZE];
            old.readVerified(b, image, 0, Math.min(BLOCK_SIZE, old.length() - start));
            Arrays.fill(image, keptHere, BLOCK_SIZE, (byte) 0);
            crcs[b] = Crc32c.of(image, 0, newEnd);
        }
        return crcs;
    }

    static void copy(FileChannel from, FileChannel to, int length) throws IOException {
        long done = 0;
        to.position(ChunkHeader.SIZE);
        while (done < length) {
            long n = from.transferTo(ChunkHeader.SIZE + done, length - done, to);
            if (n <= 0) {
                throw new DamagedChunkException("chunk file shorter than its data during truncate");
            }
            done += n;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the start-up scan removes a leftover .tmp and resolves a leftover old version
        }
    }
}
