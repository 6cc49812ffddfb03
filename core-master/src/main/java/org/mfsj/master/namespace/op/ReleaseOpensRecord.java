package org.mfsj.master.namespace.op;

import java.util.List;

/**
 * One batch of releases ({@code ReleaseMany}) of {@code session}'s opens of files held past their
 * last name, as one record: {@code releases} of each file's opens end. A batch is one call with one
 * answer, and a crash keeps all of its record or none: with a record per file, a crash that kept
 * only the first would have answered the retried batch from that record (the call looked done)
 * while the other files stayed held by the session, their space kept, until it ended.
 */
public record ReleaseOpensRecord(long session, List<Released> files) implements NamespaceRecord {
    /** The most files one record names: a batch's limit. */
    public static final int MAX_FILES = 10_000;

    public ReleaseOpensRecord {
        files = List.copyOf(files);
    }

    /** {@code releases} of the session's opens of {@code inode}; each inode once in a record. */
    public record Released(long inode, int releases) {
    }
}
