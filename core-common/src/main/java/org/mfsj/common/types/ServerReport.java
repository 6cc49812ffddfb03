package org.mfsj.common.types;

import java.util.List;

/** One chunkserver as the master sees it, for status tools. */
public record ServerReport(long serverId, ServerAddress address, boolean connected, int chunks,
                           List<DiskReport> disks) {
    public ServerReport {
        disks = List.copyOf(disks);
    }

    public long usedBytes() {
        return disks.stream().filter(d -> !d.failed()).mapToLong(DiskReport::usedBytes).sum();
    }

    public long totalBytes() {
        return disks.stream().filter(d -> !d.failed()).mapToLong(DiskReport::totalBytes).sum();
    }
}
