package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks how big a disk is and how much of it we may still use. A seam because every test disk
 * lives on the same temporary file system, so placement by free space is untestable otherwise.
 */
public interface SpaceProbe {
    long totalBytes(Path disk) throws IOException;

    long usableBytes(Path disk) throws IOException;

    /** The real answer, from the disk's {@link java.nio.file.FileStore}. */
    static SpaceProbe fileStore() {
        return new SpaceProbe() {
            @Override
            public long totalBytes(Path disk) throws IOException {
                return Files.getFileStore(disk).getTotalSpace();
            }

            @Override
            public long usableBytes(Path disk) throws IOException {
                return Files.getFileStore(disk).getUsableSpace();
            }
        };
    }
}
