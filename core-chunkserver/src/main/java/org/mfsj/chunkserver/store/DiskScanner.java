package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.types.ChunkGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the chunks on one disk from file names and sizes alone (no file is opened, so a start-up
 * over millions of chunks costs a directory walk). Headers are checked later, on first open.
 * Leftovers that can never become valid chunks are deleted here: interrupted rebuilds
 * ({@code .tmp}) and files too short for a header or too long for a chunk. Misnamed or misfiled
 * files are reported but left alone, since they may hold good data.
 */
final class DiskScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DiskScanner.class);

    /** A chunk file as the directory listing shows it. */
    record Found(long id, int version, long length, Path file) {
    }

    private DiskScanner() {
    }

    /** Makes sure {@code chunks/} exists; its sub-directories appear with their first chunk. */
    static void prepare(Path disk) throws IOException {
        Files.createDirectories(ChunkPaths.chunksDir(disk));
    }

    static List<Found> scan(Path disk) throws IOException {
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> subdirs = Files.newDirectoryStream(ChunkPaths.chunksDir(disk))) {
            for (Path sub : subdirs) {
                int lowByte = ChunkPaths.parseSubdir(sub.getFileName().toString());
                if (lowByte >= 0 && Files.isDirectory(sub)) {
                    scanSubdir(disk, sub, lowByte, found);
                }
            }
        }
        return found;
    }

    private static void scanSubdir(Path disk, Path sub, int lowByte, List<Found> found) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!ChunkPaths.looksLikeChunk(name)) {
                    continue; // not ours: leave whatever an admin put there alone
                }
                ChunkPaths.Parsed parsed = ChunkPaths.parse(name);
                if (!name.endsWith(ChunkPaths.TMP_SUFFIX) && (parsed == null || (parsed.id() & 0xFF) != lowByte)) {
                    // possibly valid data in the wrong place: never index it, never delete it
                    LOG.warn("damaged chunk {} found at scan on {}: unexpected name or directory ({}), ignoring",
                            parsed == null ? "?" : ChunkPaths.hex(parsed.id()), disk, sub.relativize(file));
                    continue;
                }
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                String problem = problem(name, attrs);
                if (problem != null) {
                    removeDamaged(disk, file, problem);
                    continue;
                }
                found.add(new Found(parsed.id(), parsed.version(), attrs.size() - ChunkHeader.SIZE, file));
            }
        }
    }

    /** Why this well-named file can never be a valid chunk, or null if it can be one. */
    private static String problem(String name, BasicFileAttributes attrs) {
        if (name.endsWith(ChunkPaths.TMP_SUFFIX)) {
            return "unfinished rebuild";
        }
        if (!attrs.isRegularFile()) {
            return "not a regular file";
        }
        long dataLength = attrs.size() - ChunkHeader.SIZE;
        if (dataLength < 0 || dataLength > ChunkGeometry.CHUNK_SIZE) {
            return "impossible size " + attrs.size();
        }
        return null;
    }

    private static void removeDamaged(Path disk, Path file, String problem) {
        ChunkPaths.Parsed p = ChunkPaths.parse(stripTmp(file.getFileName().toString()));
        String id = p == null ? "?" : ChunkPaths.hex(p.id());
        LOG.warn("damaged chunk {} found at scan on {}: {} ({}), removing", id, disk, problem, file.getFileName());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove damaged chunk {} on {}: {}", id, disk, e.toString());
        }
    }

    private static String stripTmp(String name) {
        return name.endsWith(ChunkPaths.TMP_SUFFIX)
                ? name.substring(0, name.length() - ChunkPaths.TMP_SUFFIX.length()) : name;
    }
}
