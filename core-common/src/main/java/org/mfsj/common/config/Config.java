package org.mfsj.common.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of one config file: those it sets, and defaults for the rest. Immutable, so one
 * instance can be built at start-up and handed to every component that needs it.
 */
public final class Config {
    private final ConfigSchema schema;
    private final Path source;
    /** Parsed values by key name, only for keys the file or an override set. */
    private final Map<String, Object> values;

    Config(ConfigSchema schema, Path source, Map<String, Object> values) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.source = source;
        this.values = Map.copyOf(values);
    }

    /**
     * The value set in the file or by {@link #with}, otherwise the key's default.
     *
     * @throws IllegalArgumentException if {@code key} is not one of this config's schema
     */
    public <T> T get(ConfigKey<T> key) {
        requireKnown(key);
        Object value = values.get(key.name());
        if (value == null) {
            return key.defaultValue();
        }
        // Safe: values only enter through key.parse or with(key, T) for this very key object.
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /** Whether the file or an override gave this key a value (even one equal to the default). */
    public boolean isSet(ConfigKey<?> key) {
        requireKnown(key);
        return values.containsKey(key.name());
    }

    /** The file the values were read from; empty for defaults, parsed lines, or a missing file. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public ConfigSchema schema() {
        return schema;
    }

    /**
     * A copy with {@code key} set to {@code value}, for command-line overrides and tests.
     *
     * @throws IllegalArgumentException if the key is not in the schema or the value is out of range
     */
    public <T> Config with(ConfigKey<T> key, T value) {
        requireKnown(key);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), key.requireValid(value));
        return new Config(schema, source, copy);
    }

    @Override
    public String toString() {
        // Names only: values may include passwords and must not end up in logs by accident.
        return "Config[" + schema.fileName() + (source == null ? "" : " from " + source)
                + ", set " + values.keySet() + "]";
    }

    private void requireKnown(ConfigKey<?> key) {
        Objects.requireNonNull(key, "key");
        if (!schema.contains(key)) {
            throw new IllegalArgumentException("key " + key.name() + " is not part of " + schema.fileName());
        }
    }
}
