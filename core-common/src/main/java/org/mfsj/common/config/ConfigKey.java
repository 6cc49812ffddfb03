package org.mfsj.common.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One configuration key: its name, typed default, description for operators, and parser.
 *
 * <p>Keys are declared once, as constants next to the component that reads them, and grouped
 * into a {@link ConfigSchema} per file. Every key has a default so that a cluster starts with no
 * config files at all. Instances are immutable and compared by identity: a {@link Config} answers
 * only for the very key objects of its schema, so two modules cannot silently disagree about the
 * type or default of a key that happens to share a name.
 */
public final class ConfigKey<T> {
    /** MooseFS keys are upper case; holding declarations to that catches typos at class load. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** ASCII only: Integer.parseInt would also accept other scripts' digits, which no one means. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

    private final String name;
    private final T defaultValue;
    private final String description;
    private final String expected;
    private final Function<String, T> parser;
    private final Predicate<T> accepts;
    private final Function<T, String> formatter;

    private ConfigKey(String name, T defaultValue, String description, String expected,
                      Function<String, T> parser, Predicate<T> accepts, Function<T, String> formatter) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key name must match " + NAME + ": " + name);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("config key " + name + " needs a description");
        }
        this.name = name;
        this.description = description;
        this.expected = expected;
        this.parser = parser;
        this.accepts = accepts;
        this.formatter = formatter;
        // A default outside the key's own range is a programming error: fail at declaration.
        this.defaultValue = requireValid(Objects.requireNonNull(defaultValue, "default of " + name));
    }

    /** Free text; the value is everything after {@code =}, without surrounding blanks. */
    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, "text", raw -> raw, v -> true, v -> v);
    }

    /** A decimal {@code int} in {@code [min, max]}. */
    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max,
                                             String description) {
        requireOrdered(name, min, max);
        return new ConfigKey<>(name, defaultValue, description, "an integer from " + min + " to " + max,
                raw -> Integer.valueOf(decimal(raw)), v -> v >= min && v <= max, String::valueOf);
    }

    /** A decimal {@code long} in {@code [min, max]}. */
    public static ConfigKey<Long> longValue(String name, long defaultValue, long min, long max,
                                            String description) {
        requireOrdered(name, min, max);
        return new ConfigKey<>(name, defaultValue, description, "an integer from " + min + " to " + max,
                raw -> Long.valueOf(decimal(raw)), v -> v >= min && v <= max, String::valueOf);
    }

    /** A flag written as 0/1, yes/no, true/false or on/off, in any case; documented as 0/1. */
    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, "0/1, yes/no, true/false or on/off",
                ConfigKey::parseBool, v -> true, v -> v ? "1" : "0");
    }

    /** A file-system path; relative paths are kept as written, the reader decides their base. */
    public static ConfigKey<Path> path(String name, Path defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, description, "a path",
                ConfigKey::parsePath, v -> true, Path::toString);
    }

    /**
     * Any other type. {@code expected} completes "expected ..." in error messages, and the value's
     * {@code toString()} must be text that {@code parser} accepts, since {@link ConfigDoc} prints it.
     */
    public static <T> ConfigKey<T> custom(String name, T defaultValue, String description,
                                          String expected, Function<String, T> parser) {
        return new ConfigKey<>(name, defaultValue, description, expected, parser, v -> true, String::valueOf);
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /**
     * Parses a value as written in a file.
     *
     * @throws IllegalArgumentException whose message is the reason alone, e.g. "expected an integer
     *     from 1 to 65535"; the caller adds file, line and key
     */
    public T parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        T value;
        try {
            value = parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected " + expected, e);
        }
        if (value == null || !accepts.test(value)) {
            throw new IllegalArgumentException("expected " + expected);
        }
        return value;
    }

    /** Renders a value the way {@link #parse} reads it back. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** What a valid value looks like, e.g. "an integer from 1 to 65535". */
    String expected() {
        return expected;
    }

    /** Checks a value that did not come through {@link #parse}, such as an override. */
    T requireValid(T value) {
        Objects.requireNonNull(value, "value for " + name);
        if (!accepts.test(value)) {
            throw new IllegalArgumentException(
                    "bad value for " + name + ": " + format(value) + " (expected " + expected + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }

    private static <N extends Comparable<N>> void requireOrdered(String name, N min, N max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("config key " + name + ": min " + min + " > max " + max);
        }
    }

    private static String decimal(String raw) {
        String text = raw.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number: " + text);
        }
        return text;
    }

    private static Boolean parseBool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> Boolean.TRUE;
            case "0", "no", "false", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a flag: " + raw);
        };
    }

    private static Path parsePath(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            // Path.of("") is the current directory, which is never what an empty value meant.
            throw new IllegalArgumentException("empty path");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
