package org.mfsj.chunkserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The chunkserver's identity towards the master: a random 64-bit number made on first start and
 * kept in DATA_PATH, so that a restarted server (even on another address) is recognised.
 */
final class ServerId {
    static final String FILE_NAME = "chunkserver.id";

    private ServerId() {
    }

    /**
     * Reads the id kept in {@code dataPath}, creating one if there is none yet.
     *
     * @throws IOException if the file cannot be read or written, or does not hold an id: a new id
     *     would make the master see a stranger, so a damaged file is an error, not a reset
     */
    static long loadOrCreate(Path dataPath) throws IOException {
        Path file = dataPath.resolve(FILE_NAME);
        try {
            return parse(file, Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return create(dataPath, file);
        }
    }

    static String format(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }

    private static long create(Path dataPath, Path file) throws IOException {
        Files.createDirectories(dataPath);
        long id;
        do {
            id = new SecureRandom().nextLong();
        } while (id == 0);
        // written aside then renamed, so a crash never leaves a half-written id behind
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(tmp, format(id) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    private static long parse(Path file, String text) throws IOException {
        String hex = text.strip();
        try {
            if (hex.length() == 16) {
                return Long.parseUnsignedLong(hex, 16);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + ": not a chunkserver id (16 hex digits): '" + hex
                + "'; restore it, or delete it to register as a new server");
    }
}
