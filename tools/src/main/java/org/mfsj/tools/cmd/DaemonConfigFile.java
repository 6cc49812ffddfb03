package org.mfsj.tools.cmd;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which config file a daemon reads: one named with -c must exist; the default may be absent. */
final class DaemonConfigFile {
    private DaemonConfigFile() {
    }

    static Path resolve(Path given, Path defaultFile) {
        if (given == null) {
            return defaultFile;
        }
        if (!Files.isRegularFile(given)) {
            throw new IllegalArgumentException(given + ": no such config file (leave out -c to run with built-in defaults)");
        }
        return given;
    }
}
