package org.mfsj.chunkserver.store;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Where a chunk lives: {@code <disk>/chunks/<XX>/chunk_<16 hex id>_<8 hex version>.mfs}, XX being
 * the id's low byte. Everything the start-up scan needs is in the name, so it never opens files.
 */
final class ChunkPaths {
    static final String CHUNKS_DIR = "chunks";
    static final String TMP_SUFFIX = ".tmp";

    private static final String PREFIX = "chunk_";
    private static final String SUFFIX = ".mfs";
    // String.format cost a chunkserver more CPU per created chunk than the rest of its path naming
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int NAME_LENGTH = PREFIX.length() + 16 + 1 + 8 + SUFFIX.length();

    private ChunkPaths() {
    }

    /** What a well-formed file name says about its chunk. */
    record Parsed(long id, int version) {
    }

    static Path chunksDir(Path disk) {
        return disk.resolve(CHUNKS_DIR);
    }

    static String subdirName(int index) {
        return HEX.toHexDigits((byte) index);
    }

    /** The low byte a sub-directory name stands for, or -1 if it is not one of ours. */
    static int parseSubdir(String name) {
        return name.length() == 2 && isUpperHex(name) ? Integer.parseInt(name, 16) : -1;
    }

    static Path file(Path disk, long id, int version) {
        return chunksDir(disk).resolve(subdirName((int) (id & 0xFF))).resolve(fileName(id, version));
    }

    /** A sibling used to build a replacement file that appears by an atomic rename. */
    static Path tmpFile(Path disk, long id, int version) {
        Path target = file(disk, id, version);
        return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    }

    static String fileName(long id, int version) {
        return PREFIX + HEX.toHexDigits(id) + "_" + HEX.toHexDigits(version) + SUFFIX;
    }

    /** Chunk ids in logs, always the same width so they can be grepped. */
    static String hex(long id) {
        return HEX.toHexDigits(id);
    }

    static boolean looksLikeChunk(String name) {
        return name.startsWith(PREFIX);
    }

    /** Parses a chunk file name; null if it is not exactly one of ours. */
    static Parsed parse(String name) {
        if (name.length() != NAME_LENGTH || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.charAt(PREFIX.length() + 16) != '_') {
            return null;
        }
        String idHex = name.substring(PREFIX.length(), PREFIX.length() + 16);
        String versionHex = name.substring(PREFIX.length() + 17, PREFIX.length() + 25);
        // only the exact spelling we write: another spelling would map to a different path
        if (!isUpperHex(idHex) || !isUpperHex(versionHex)) {
            return null;
        }
        return new Parsed(Long.parseUnsignedLong(idHex, 16), Integer.parseUnsignedInt(versionHex, 16));
    }

    private static boolean isUpperHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
