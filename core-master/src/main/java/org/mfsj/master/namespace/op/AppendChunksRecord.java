package org.mfsj.master.namespace.op;

import java.util.List;

/**
 * The chunks of files {@code sources}, in order, appended to file {@code inode} after its last
 * (whole) chunk, each now referenced by both files; the file grows by the sources' lengths.
 */
public record AppendChunksRecord(long inode, List<Long> sources, long timeNanos) implements NamespaceRecord {
    public AppendChunksRecord {
        sources = List.copyOf(sources);
    }
}
