package org.mfsj.common.wire.master2follower;

import java.util.List;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The leader's changelog entries after ({@code prevVersion}, {@code prevTerm}), each with the term
 * it was written in and its encoded record; empty as a heartbeat. {@code commitVersion} is what a
 * majority holds durable; {@code leaderClients} is where clients reach the leader ("host:port").
 */
public record AppendEntries(int msgId, long term, long leader, String leaderClients, long prevVersion,
        long prevTerm, long commitVersion, List<Entry> entries) implements Message {
    /** Most entries in one message; the leader sends more in the next. */
    public static final int MAX_ENTRIES = 4096;
    /** Largest encoded record accepted (the changelog's own limit). */
    public static final int MAX_RECORD = 4 << 20;

    /** One changelog entry: the term it was written in and its encoded record. */
    public record Entry(long term, byte[] record) {
    }

    /** The six numbers, the address and each entry's term and length, with room to spare; plus the records. */
    @Override
    public int sizeHint() {
        int size = 64 + 3 * leaderClients.length();
        for (Entry e : entries) {
            size += 16 + e.record().length;
        }
        return size;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(leader).str(leaderClients).u64(prevVersion).u64(prevTerm).u64(commitVersion);
        w.list(entries, (out, e) -> out.u64(e.term()).bytes(e.record()));
    }

    public static AppendEntries decode(int msgId, WireReader r) {
        return new AppendEntries(msgId, r.u64(), r.u64(), r.str(), r.u64(), r.u64(), r.u64(),
                r.list(MAX_ENTRIES, 12, in -> new Entry(in.u64(), in.bytes(MAX_RECORD))));
    }
}
