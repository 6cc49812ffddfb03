package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Picks the disk for a new chunk: healthy, not being drained, with the most usable space. Ties
 * (several data directories on one file system, as in every test) go to the disk with fewer
 * chunks, so such disks still fill evenly.
 */
final class DiskChooser {
    private final SpaceProbe space;
    private final long reserveBytes;

    DiskChooser(SpaceProbe space, long reserveBytes) {
        this.space = space;
        this.reserveBytes = reserveBytes;
    }

    Disk choose(List<Disk> disks) throws MfsException {
        Disk best = null;
        long bestFree = -1;
        boolean anyHealthy = false;
        for (Disk d : disks) {
            if (!d.acceptsNewChunks()) {
                continue;
            }
            anyHealthy = true;
            long free;
            try {
                free = space.usableBytes(d.path());
            } catch (IOException e) {
                continue; // cannot tell: do not bet a new chunk on it; real I/O will judge the disk
            }
            if (free < reserveBytes) {
                continue;
            }
            if (free > bestFree || free == bestFree && d.chunkCount() < best.chunkCount()) {
                best = d;
                bestFree = free;
            }
        }
        if (best == null) {
            throw new MfsException(Status.ENOSPC, anyHealthy ? "no disk has room for a new chunk"
                    : "no healthy disk accepts new chunks");
        }
        return best;
    }
}
