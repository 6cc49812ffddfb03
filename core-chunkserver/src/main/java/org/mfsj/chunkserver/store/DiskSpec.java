package org.mfsj.chunkserver.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One data directory as configured (an {@code mfshdd.cfg} line). Kept local to the store so the
 * store does not depend on the config package; the wiring code maps one onto the other.
 *
 * @param path the directory; chunks live under {@code path/chunks}
 * @param markedForRemoval readable, but never chosen for new chunks (the admin is draining it)
 */
public record DiskSpec(Path path, boolean markedForRemoval) {
    public DiskSpec {
        Objects.requireNonNull(path, "path");
    }

    public static DiskSpec of(Path path) {
        return new DiskSpec(path, false);
    }
}
