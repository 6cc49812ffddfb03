package org.mfsj.master.meta;

/**
 * A record as the changelog holds it: its metadata version (strictly increasing, one per record),
 * and the client request that caused it ({@code session} and {@code request} are 0 for changes no
 * client asked for, such as a chunk write's bookkeeping), so a retried request finds its answer.
 */
public record LogEntry(long version, long session, long request, MetaRecord record) {
    public LogEntry {
        if (version <= 0) {
            throw new IllegalArgumentException("version " + version);
        }
        if (record == null) {
            throw new IllegalArgumentException("no record");
        }
    }
}
