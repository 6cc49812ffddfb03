package org.mfsj.chunkserver.master;

import java.util.List;
import org.mfsj.chunkserver.store.DiskInfo;
import org.mfsj.common.types.DiskReport;

/** The store's view of its disks in the master's wire form. */
final class DiskReports {
    private DiskReports() {
    }

    static List<DiskReport> of(List<DiskInfo> disks) {
        return disks.stream()
                .map(d -> new DiskReport(d.path().toString(), d.usedBytes(), d.totalBytes(), d.chunkCount(),
                        d.failed(), d.markedForRemoval()))
                .toList();
    }
}
