package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Picks the disk for a new chunk: healthy, not being drained, with the most usable space. Disks
 * within {@link #TIE_BYTES} of the most free count as tied and the one with fewer chunks wins:
 * otherwise data directories sharing one file system (as in every test), or disks differing by
 * a few megabytes, would be decided by whatever else wrote between two probes, and one disk
 * would take every new chunk.
 */
final class DiskChooser {
    static final long TIE_BYTES = 1L << 30;

    private final SpaceProbe space;
    private final long reserveBytes;

    DiskChooser(SpaceProbe space, long reserveBytes) {
        this.space = space;
        this.reserveBytes = reserveBytes;
    }

    Disk choose(List<Disk> disks) throws MfsException {
        List<Disk> roomy = new ArrayList<>();
        List<Long> free = new ArrayList<>();
        boolean anyHealthy = false;
        long most = -1;
        for (Disk d : disks) {
            if (!d.acceptsNewChunks()) {
                continue;
            }
            anyHealthy = true;
            long usable;
            try {
                usable = space.usableBytes(d.path());
            } catch (IOException e) {
                continue; // cannot tell: do not bet a new chunk on it; real I/O will judge the disk
            }
            if (usable >= reserveBytes) {
                roomy.add(d);
                free.add(usable);
                most = Math.max(most, usable);
            }
        }
        Disk best = null;
        for (int i = 0; i < roomy.size(); i++) {
            Disk d = roomy.get(i);
            if (free.get(i) >= most - TIE_BYTES && (best == null || d.chunkCount() < best.chunkCount())) {
                best = d;
            }
        }
        if (best == null) {
            throw new MfsException(Status.ENOSPC, anyHealthy ? "no disk has room for a new chunk"
                    : "no healthy disk accepts new chunks");
        }
        return best;
    }
}
