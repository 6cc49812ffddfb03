package org.mfsj.common.types;

/** Space and health of one chunkserver disk, as reported to the master and shown by tools. */
public record DiskReport(String path, long usedBytes, long totalBytes, int chunks, boolean failed,
                         boolean markedForRemoval) {
}
