package org.mfsj.master.chunks;

import java.util.List;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;

/** Plain storage servers for planner and placement tests. */
final class TestServers {
    static final long GIB = 1L << 30;

    private TestServers() {
    }

    /** A connected, fully registered server with one disk of {@code totalGib}, {@code usedGib} used. */
    static StorageServer server(long id, long usedGib, long totalGib) {
        StorageServer s = new StorageServer(id, new ServerAddress("10.0.0." + id, 9422),
                List.of(new DiskReport("/d" + id, usedGib * GIB, totalGib * GIB, 0, false, false)));
        s.markRegistered();
        return s;
    }

    static StorageServer server(long id) {
        return server(id, 10, 100);
    }
}
