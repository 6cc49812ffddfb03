package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks how big a disk is and how much of it we may still use. A seam because every test disk
 * lives on the same temporary file system, so placement by free space is untestable otherwise.
 */
public interface SpaceProbe {
    long totalBytes(Path disk) throws IOException;

    long usableBytes(Path disk) throws IOException;

    /**
     * The real answer, from the disk's {@link FileStore}. Each disk's store is looked up once:
     * finding it reads the whole mount table, which cost more CPU than the rest of a new chunk's
     * creation, while asking a found store for its space is one statvfs of the disk's path.
     */
    static SpaceProbe fileStore() {
        Map<Path, FileStore> stores = new ConcurrentHashMap<>();
        return new SpaceProbe() {
            @Override
            public long totalBytes(Path disk) throws IOException {
                return store(disk).getTotalSpace();
            }

            @Override
            public long usableBytes(Path disk) throws IOException {
                return store(disk).getUsableSpace();
            }

            private FileStore store(Path disk) throws IOException {
                FileStore s = stores.get(disk);
                if (s == null) {
                    s = Files.getFileStore(disk);
                    stores.put(disk, s);
                }
                return s;
            }
        };
    }
}
