package org.mfsj.common.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading and line handling shared by the {@code KEY = VALUE} files and {@code mfshdd.cfg}. */
final class ConfigFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigFiles() {
    }

    /**
     * The file's lines, or empty if it does not exist (every file is optional). Reading and
     * catching NoSuchFileException, rather than checking first, leaves no window for a race.
     */
    static Optional<List<String>> readIfExists(Path file) throws ConfigException {
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + reason(e), e);
        }
    }

    /**
     * The meaningful text of a line, stripped of blanks, or "" for blank and comment lines.
     * A byte-order mark, as some Windows editors write, is dropped from the first line.
     */
    static String content(List<String> lines, int index) {
        String line = lines.get(index);
        if (index == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        String text = line.strip();
        return text.startsWith("#") ? "" : text;
    }

    private static String reason(IOException e) {
        // FileSystemException's message is often just the path, which the caller already shows.
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
