package org.mfsj.common.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One disk of a chunkserver, from {@code mfshdd.cfg}.
 *
 * @param path absolute, normalized directory that holds the chunk files
 * @param markedForRemoval written with a leading {@code *}: the disk is still read, but its chunks
 *     are to be replicated elsewhere and it takes no new ones, so it can then be unplugged
 */
public record HddEntry(Path path, boolean markedForRemoval) {
    public HddEntry {
        Objects.requireNonNull(path, "path");
    }
}
