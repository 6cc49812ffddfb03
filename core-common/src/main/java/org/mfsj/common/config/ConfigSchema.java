package org.mfsj.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The keys one config file may contain, in declaration order, under the file's usual name. */
public final class ConfigSchema {
    private final String fileName;
    private final Map<String, ConfigKey<?>> byName;

    private ConfigSchema(String fileName, Map<String, ConfigKey<?>> byName) {
        this.fileName = fileName;
        this.byName = byName;
    }

    /**
     * @param fileName the file's conventional name, e.g. "mfsmaster.cfg", for messages and docs
     * @throws IllegalArgumentException if two keys share a name
     */
    public static ConfigSchema of(String fileName, ConfigKey<?>... keys) {
        Objects.requireNonNull(fileName, "fileName");
        Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys) {
            Objects.requireNonNull(key, "key");
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException(fileName + " declares key " + key.name() + " twice");
            }
        }
        return new ConfigSchema(fileName, byName);
    }

    public String fileName() {
        return fileName;
    }

    /** All keys, in the order they were declared (the order {@link ConfigDoc} prints them). */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(byName.values());
    }

    /** The key declared under {@code name}; names are case-sensitive, as in MooseFS. */
    public Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** True only for the very key object declared here, not for another key of the same name. */
    public boolean contains(ConfigKey<?> key) {
        return key != null && byName.get(key.name()) == key;
    }

    @Override
    public String toString() {
        return fileName + byName.keySet();
    }
}
