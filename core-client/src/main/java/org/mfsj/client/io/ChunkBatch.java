package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The extents a writer sent into one chunk since the master last recorded that chunk, and the
 * session carrying them. They stay in the buffer until the master records the session, so a
 * broken chain can be redone from here on a new one. Owned by one thread at a time: the writer,
 * or the finisher it handed the batch to.
 */
final class ChunkBatch {
    private final int index;
    private final List<Extent> extents = new ArrayList<>();
    private long bytes;
    private ChunkWriteSession session;

    ChunkBatch(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    void add(Extent e) {
        extents.add(e);
        bytes += e.length();
    }

    List<Extent> extents() {
        return extents;
    }

    long bytes() {
        return bytes;
    }

    /** The open session, or null when the next step has to open one (and resend everything). */
    ChunkWriteSession session() {
        return session;
    }

    void session(ChunkWriteSession s) {
        session = s;
    }
}
