package org.mfsj.common.config;

/**
 * Renders a schema as a sample config file in which every key appears commented out at its
 * default, under its description. Operators get a file that documents itself, and uncommenting
 * a line is all it takes to change a setting.
 */
public final class ConfigDoc {
    private ConfigDoc() {
    }

    /** The sample file's text, lines ending in {@code \n}. */
    public static String render(ConfigSchema schema) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(schema.fileName()).append(": every setting, commented out at its default.\n");
        out.append("# Uncomment a line and change its value to override the default.\n");
        for (ConfigKey<?> key : schema.keys()) {
            out.append('\n');
            for (String line : key.description().split("\n", -1)) {
                out.append(comment(line));
            }
            out.append(comment(key.name() + " = " + formatDefault(key)));
        }
        return out.toString();
    }

    private static String comment(String text) {
        return ("# " + text).stripTrailing() + "\n";
    }

    /** Binds the wildcard so the key's own formatter applies to its own default. */
    private static <T> String formatDefault(ConfigKey<T> key) {
        return key.format(key.defaultValue());
    }
}
