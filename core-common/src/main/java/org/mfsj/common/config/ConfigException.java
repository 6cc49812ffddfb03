package org.mfsj.common.config;

/**
 * A config file that cannot be used. The message leads with {@code file:line:}, as compilers do,
 * so an operator can jump straight to the mistake; it also names the key when there is one.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;

    /**
     * @param file the file as shown to the operator (its path, or a display name)
     * @param line 1-based line number, or 0 when the problem is the whole file (e.g. unreadable)
     * @param key the key or disk path the line is about, or null when the line has none
     * @param problem what is wrong, phrased for the operator
     */
    public ConfigException(String file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    public ConfigException(String file, int line, String key, String problem, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not on any one line. */
    public int line() {
        return line;
    }

    /** The key (for {@code mfshdd.cfg}, the disk path) the problem is about; null if none. */
    public String key() {
        return key;
    }
}
