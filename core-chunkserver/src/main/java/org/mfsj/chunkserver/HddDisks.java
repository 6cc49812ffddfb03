package org.mfsj.chunkserver;

import java.nio.file.Path;
import java.util.List;
import org.mfsj.chunkserver.store.DiskSpec;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.HddConfig;

/** Turns {@code mfshdd.cfg} into the store's disk list, refusing a server with nowhere to put chunks. */
final class HddDisks {
    private HddDisks() {
    }

    static List<DiskSpec> load(Path hddFile) throws ConfigException {
        List<DiskSpec> disks = HddConfig.load(hddFile).stream()
                .map(e -> new DiskSpec(e.path(), e.markedForRemoval()))
                .toList();
        if (disks.isEmpty()) {
            // a chunkserver without disks would register and then refuse every chunk: say so at once
            throw new ConfigException(hddFile.toString(), 0, null,
                    "no disks configured: list at least one absolute data directory in this file"
                            + " (missing or empty " + HddConfig.FILE_NAME + ")");
        }
        return disks;
    }
}
