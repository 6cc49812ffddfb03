package org.mfsj.master.ha;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's read lease: it answers clients only while a majority of voters (itself included)
 * answered a message it sent less than {@link #length} ago. Each AppendEntries carries a sequence
 * number as its message id and the follower echoes the id of the newest one it took in, so an
 * answer proves the follower heard this leader no earlier than that message's send time. Such a
 * follower grants no vote, and does not stand, for the shortest election timeout after it heard
 * its leader (across its reloads and restarts too); any new leader needs one of them, so none is
 * elected while the lease runs. The lease is shorter than that timeout by a tenth, a margin for
 * clocks that run at different rates.
 *
 * <p>A follower of an older build echoes no id (0). While such followers leave no majority that
 * can prove anything, the leader answers without a lease, as those builds did, rather than hold
 * every client until the upgrade is done (upgrade followers first, then hand over). Master thread only.
 */
final class ReadLease {
    private static final Logger LOG = LoggerFactory.getLogger(ReadLease.class);
    /** Send times remembered; an answer to an older message proves nothing (it never comes so late). */
    private static final int RING = 1024;

    private final long length;
    private final int[] seqs = new int[RING];
    private final long[] sentAt = new long[RING];
    private int seq;
    /** Per peer: the send time of the newest message it answered while this master leads. */
    private long[] proven = new long[0];
    /** Per peer: it answered without echoing an id (an older build). */
    private boolean[] silent = new boolean[0];
    /** The lease's end as last worked out, and whether an answer since may have moved it. */
    private long validUntil = Long.MIN_VALUE;
    private boolean dirty;

    ReadLease(long electionMinMillis) {
        this.length = electionMinMillis - electionMinMillis / 10;
    }

    long length() {
        return length;
    }

    /** A new leadership: nothing proven yet. */
    void restart(int peers) {
        proven = new long[peers];
        Arrays.fill(proven, Long.MIN_VALUE);
        silent = new boolean[peers];
        dirty = true;
    }

    void grow(int peers) {
        int old = proven.length;
        if (peers > old) {
            proven = Arrays.copyOf(proven, peers);
            Arrays.fill(proven, old, peers, Long.MIN_VALUE);
            silent = Arrays.copyOf(silent, peers);
            dirty = true;
        }
    }

    /** The id of a message sent now (never 0, which followers of older builds echo). */
    int stamp(long now) {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        int i = seq & (RING - 1);
        seqs[i] = seq;
        sentAt[i] = now;
        return seq;
    }

    /** {@code peer} answered after taking in message {@code msgId}. */
    void answered(int peer, int msgId) {
        if (peer >= proven.length) {
            return;
        }
        if (msgId == 0 && !silent[peer]) {
            LOG.warn("peer {} answers without the message ids of the read lease (an older build?); while no"
                    + " majority echoes them the leader answers clients without a lease", peer);
            silent[peer] = true;
            dirty = true;
        }
        int i = msgId & (RING - 1);
        if (msgId <= 0 || seqs[i] != msgId) {
            return;
        }
        if (sentAt[i] > proven[peer]) {
            proven[peer] = sentAt[i];
            dirty = true;
        }
    }

    /**
     * Whether a majority of {@code quorum} answered a message sent after {@code now - length}. Asked
     * for every client request, so the end is worked out again only after an answer moved it. (A
     * change of voters between two answers is safe to miss: a majority of the old set and one of the
     * new one share a master.)
     */
    boolean valid(Quorum quorum, long now) {
        if (dirty) {
            validUntil = end(quorum);
            dirty = false;
        }
        return now < validUntil;
    }

    private long end(Quorum quorum) {
        int echoing = 0;
        for (int p : quorum.voters()) {
            echoing += p < silent.length && silent[p] ? 0 : 1;
        }
        if (!quorum.isMajority(echoing, true)) {
            return Long.MAX_VALUE;
        }
        int needed = 0;
        while (!quorum.isMajority(needed, true)) {
            needed++;
            if (needed > quorum.voters().size()) {
                return Long.MIN_VALUE;
            }
        }
        if (needed == 0) {
            return Long.MAX_VALUE;
        }
        long[] times = new long[quorum.voters().size()];
        int n = 0;
        for (int p : quorum.voters()) {
            times[n++] = p < proven.length ? proven[p] : Long.MIN_VALUE;
        }
        Arrays.sort(times);
        long oldestNeeded = times[n - needed];
        return oldestNeeded == Long.MIN_VALUE ? Long.MIN_VALUE : oldestNeeded + length;
    }
}
