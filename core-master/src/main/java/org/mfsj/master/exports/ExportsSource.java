package org.mfsj.master.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mfsj.common.config.ConfigException;
import org.mfsj.master.meta.ExportsSet;

/**
 * This master's own mfsexports.cfg as read: its rules, its text and when it was last edited. A
 * master that names no file has none: it offers nothing to the cluster and admits everyone until
 * the cluster's exports say otherwise.
 *
 * @param file  the path as configured, or null when none is
 * @param rules what the text says (every client may mount everything when there is no file)
 */
public record ExportsSource(Path file, String text, long editedMillis, Exports rules) {
    /** Reads {@code file} (null or blank: none); a mistake names the file, the line and the option. */
    public static ExportsSource read(String file) throws ConfigException {
        if (file == null || file.isBlank()) {
            return new ExportsSource(null, "", 0, Exports.openToAll());
        }
        Path p = Path.of(file);
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.getBytes(StandardCharsets.UTF_8).length > ExportsSet.MAX_BYTES) {
                throw new ConfigException(p.toString(), 0, null, "longer than " + ExportsSet.MAX_BYTES
                        + " bytes, which is the most the masters replicate; merge lines that share addresses");
            }
            long edited = Files.getLastModifiedTime(p).toMillis();
            return new ExportsSource(p, text, edited, new Exports(ExportsFile.parse(p.toString(), text), p.toString()));
        } catch (IOException e) {
            throw new ConfigException(p.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return file != null;
    }
}
