package org.mfsj.chunkserver.store;

import java.nio.file.Path;

/**
 * A disk as reported to the master. {@code usedBytes} is total minus the space usable by us
 * (so root reserve counts as used), both zero when the file system cannot be asked.
 */
public record DiskInfo(Path path, long usedBytes, long totalBytes, int chunkCount, boolean failed,
                       boolean markedForRemoval) {
}
