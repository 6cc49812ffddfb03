package org.mfsj.chunkserver.store;

import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.mfsj.common.types.ChunkGeometry;

/**
 * A copy of a chunk under a new id and version, on the same disk (the master's copy-on-write of a
 * chunk a snapshot shares). Built beside its final name ({@code .tmp}: header, then the data
 * copied by the kernel), forced and renamed, as a truncation is: a crash leaves no half copy
 * under a chunk name, at most a {@code .tmp} the start-up scan deletes. Block CRCs are carried
 * over, so the copy is checked against the same sums as the original.
 */
final class ChunkDuplication {
    private static final Set<OpenOption> BUILD = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);

    private ChunkDuplication() {
    }

    /** Builds and installs the copy of {@code src}; returns it open. */
    static ChunkFile run(ChunkFile src, ChannelOpener opener, Path disk, long newId, int newVersion)
            throws IOException {
        int[] crcs = new int[ChunkGeometry.BLOCKS_PER_CHUNK];
        for (int b = 0; (long) b * BLOCK_SIZE < src.length(); b++) {
            crcs[b] = src.crc(b);
        }
        Path tmp = ChunkPaths.tmpFile(disk, newId, newVersion);
        Path target = ChunkPaths.file(disk, newId, newVersion);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        FileChannel ch = opener.open(tmp, BUILD);
        try {
            ChunkFile.writeFully(ch, ChunkHeader.encode(newId, newVersion, crcs), 0);
            ChunkTruncation.copy(src.channel(), ch, src.length());
            ch.force(true);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            ChunkFile.closeQuietly(ch);
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new ChunkFile(ch, newId, crcs, src.length());
    }
}
