package org.mfsj.common.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code KEY = VALUE} files. Blank lines and lines starting with {@code #} are skipped;
 * blanks around {@code =} are optional; the value is the rest of the line and may hold spaces,
 * {@code =} and {@code #} (comments are full-line only, as in MooseFS).
 *
 * <p>Unlike MooseFS, which warns and goes on, unknown keys, bad values and duplicates are errors:
 * a misspelt key would otherwise leave a default in force without anyone noticing.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads {@code file}; a file that does not exist gives all defaults.
     *
     * @throws ConfigException if the file cannot be read or any line is wrong; the message names
     *     the file by its path
     */
    public static Config load(Path file, ConfigSchema schema) throws ConfigException {
        Optional<List<String>> lines = ConfigFiles.readIfExists(file);
        if (lines.isEmpty()) {
            return defaults(schema);
        }
        return build(file.toString(), file, lines.get(), schema);
    }

    /** Parses lines already in memory; {@code displayName} stands for the file in messages. */
    public static Config parse(String displayName, List<String> lines, ConfigSchema schema)
            throws ConfigException {
        return build(displayName, null, lines, schema);
    }

    /** Every key at its default, as when no file exists. */
    public static Config defaults(ConfigSchema schema) {
        return new Config(schema, null, Map.of());
    }

    private static Config build(String displayName, Path source, List<String> lines, ConfigSchema schema)
            throws ConfigException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = ConfigFiles.content(lines, i);
            if (text.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            int eq = text.indexOf('=');
            String name = eq < 0 ? "" : text.substring(0, eq).strip();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(displayName, lineNo, null, "line is not KEY = VALUE: '" + text + "'");
            }
            ConfigKey<?> key = schema.find(name).orElseThrow(() ->
                    new ConfigException(displayName, lineNo, name, "unknown key '" + name + "'"));
            Integer first = firstLine.putIfAbsent(name, lineNo);
            if (first != null) {
                throw new ConfigException(displayName, lineNo, name,
                        "duplicate key '" + name + "' (first set on line " + first + ")");
            }
            String raw = text.substring(eq + 1).strip();
            try {
                values.put(name, key.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(displayName, lineNo, name,
                        "bad value for " + name + ": '" + raw + "' (" + e.getMessage() + ")", e);
            }
        }
        return new Config(schema, source, values);
    }
}
