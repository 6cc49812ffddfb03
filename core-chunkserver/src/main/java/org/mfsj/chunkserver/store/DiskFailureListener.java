package org.mfsj.chunkserver.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Told once per disk when the store gives up on it, so the chunkserver can tell the master which
 * chunks it no longer has. Called on the thread whose I/O failed, with no store lock held.
 */
@FunctionalInterface
public interface DiskFailureListener {
    void onDiskFailed(Path disk, List<Long> lostChunkIds);
}
