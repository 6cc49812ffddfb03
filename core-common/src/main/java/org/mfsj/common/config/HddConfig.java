package org.mfsj.common.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code mfshdd.cfg}: one disk directory per line, blank lines and full-line {@code #}
 * comments skipped, a leading {@code *} marking the disk for removal. The rest of the line is the
 * path, so paths may contain spaces. Other MooseFS markers and per-disk space limits are not
 * supported; such a line is reported as a relative path rather than half understood.
 */
public final class HddConfig {
    /** The file's conventional name. */
    public static final String FILE_NAME = "mfshdd.cfg";

    private static final char REMOVAL_MARK = '*';

    private HddConfig() {
    }

    /**
     * Loads {@code file}. A file that does not exist gives no disks: the chunkserver decides what
     * that means (for instance, one default data directory), in keeping with "no files needed".
     *
     * @throws ConfigException if the file cannot be read or any line is wrong
     */
    public static List<HddEntry> load(Path file) throws ConfigException {
        List<String> lines = ConfigFiles.readIfExists(file).orElse(List.of());
        return parse(file.toString(), lines);
    }

    /**
     * Parses lines already in memory; {@code displayName} stands for the file in messages.
     *
     * @throws ConfigException for a relative or malformed path, or a disk listed twice (also when
     *     written differently, e.g. with a trailing slash or only one of them marked)
     */
    public static List<HddEntry> parse(String displayName, List<String> lines) throws ConfigException {
        List<HddEntry> entries = new ArrayList<>();
        Map<Path, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = ConfigFiles.content(lines, i);
            if (text.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            boolean marked = text.charAt(0) == REMOVAL_MARK;
            String pathText = marked ? text.substring(1).strip() : text;
            Path path = diskPath(displayName, lineNo, pathText);
            Integer first = firstLine.putIfAbsent(path, lineNo);
            if (first != null) {
                throw new ConfigException(displayName, lineNo, pathText,
                        "duplicate disk '" + path + "' (first listed on line " + first + ")");
            }
            entries.add(new HddEntry(path, marked));
        }
        return List.copyOf(entries);
    }

    private static Path diskPath(String displayName, int lineNo, String pathText) throws ConfigException {
        if (pathText.isEmpty()) {
            throw new ConfigException(displayName, lineNo, null, "'*' must be followed by a disk path");
        }
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw new ConfigException(displayName, lineNo, pathText,
                    "bad disk path '" + pathText + "' (" + e.getReason() + ")", e);
        }
        if (!path.isAbsolute()) {
            // Relative to what? The chunkserver's working directory is an accident of how it started.
            throw new ConfigException(displayName, lineNo, pathText,
                    "disk path must be absolute: '" + pathText + "'");
        }
        return path.normalize();
    }
}
