package org.mfsj.common.types;

import java.util.List;

/** One chunk of a file with every copy the master knows of (chunkId 0 = a hole). */
public record ChunkReport(int index, long chunkId, int version, int goal, List<CopyReport> copies) {
    public ChunkReport {
        copies = List.copyOf(copies);
    }

    public long validCopies() {
        return copies.stream().filter(CopyReport::valid).count();
    }
}
