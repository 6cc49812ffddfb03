package org.mfsj.master.ha;

/**
 * What one replicated master did in its current life, for benchmarks and status: its role, its
 * changelog's forces and the records in them, and (as leader) the AppendEntries messages it sent
 * to all followers together and the entries they carried.
 */
public record HaStats(String role, long fsyncs, long records, long appendMessages, long appendedEntries) {
    /** Records per force of the changelog: the group-commit gain. */
    public double recordsPerFsync() {
        return fsyncs == 0 ? 0 : (double) records / fsyncs;
    }

    /** What happened between {@code before} and this (the same life). */
    public HaStats since(HaStats before) {
        return new HaStats(role, fsyncs - before.fsyncs, records - before.records,
                appendMessages - before.appendMessages, appendedEntries - before.appendedEntries);
    }
}
