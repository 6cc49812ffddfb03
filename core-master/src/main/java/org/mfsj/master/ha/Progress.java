package org.mfsj.master.ha;

import java.util.Arrays;

/**
 * The leader's view of each follower: the next version to send, the last one known to match and
 * be durable there, and when it last answered. Commit is the highest version a majority of voters
 * (the leader included when it votes) holds durable.
 */
final class Progress {
    private final long start;
    private final long startedAt;
    private long[] next;
    private long[] match;
    private long[] lastHeard;
    /** Whether each follower answered at all since this leader began (lastHeard starts as the start). */
    private boolean[] answered;

    Progress(int peers, long lastVersion, long now) {
        start = lastVersion + 1;
        startedAt = now;
        next = new long[0];
        match = new long[0];
        lastHeard = new long[0];
        answered = new boolean[0];
        grow(peers);
    }

    /** Room for peers up to {@code peers - 1} (a master added to the group while this one leads). */
    void grow(int peers) {
        int old = next.length;
        if (peers <= old) {
            return;
        }
        next = Arrays.copyOf(next, peers);
        match = Arrays.copyOf(match, peers);
        lastHeard = Arrays.copyOf(lastHeard, peers);
        answered = Arrays.copyOf(answered, peers);
        Arrays.fill(next, old, peers, start);
        Arrays.fill(lastHeard, old, peers, startedAt);
    }

    long next(int peer) {
        return next[peer];
    }

    long match(int peer) {
        return match[peer];
    }

    void sent(int peer, long upTo) {
        next[peer] = Math.max(next[peer], upTo + 1);
    }

    void matched(int peer, long version, long now) {
        match[peer] = Math.max(match[peer], version);
        next[peer] = Math.max(next[peer], match[peer] + 1);
        heard(peer, now);
    }

    /** The follower's log diverges or is short: resume right after what it says it may match. */
    void rejected(int peer, long hint, long now) {
        if (hint < match[peer]) {
            // it no longer holds what it acknowledged (its data directory was replaced, or its
            // term's start lies before): count only what it may still hold, and send from there
            match[peer] = hint;
        }
        next[peer] = Math.max(match[peer] + 1, Math.min(next[peer], hint + 1));
        heard(peer, now);
    }

    /**
     * This leader could hear no one before {@code now} (taking up leadership held its thread): no
     * follower counts as silent for longer than since then.
     */
    void heardNoEarlierThan(long now) {
        for (int p = 0; p < lastHeard.length; p++) {
            lastHeard[p] = Math.max(lastHeard[p], now);
        }
    }

    /** The follower answered (a piece of the image). */
    void heard(int peer, long now) {
        lastHeard[peer] = now;
        answered[peer] = true;
    }

    boolean answered(int peer) {
        return answered[peer];
    }

    /** The follower holds the image of {@code version}: committed history up to there, entries next. */
    void imageHeld(int peer, long version) {
        match[peer] = Math.max(match[peer], version);
        next[peer] = Math.max(next[peer], match[peer] + 1);
    }

    /** Entries in flight on a lost connection are gone: resend from the last known match. */
    void resend(int peer) {
        next[peer] = match[peer] + 1;
    }

    /** The highest version durable on a majority of {@code quorum}, counting {@code own} for the leader. */
    long majorityMatch(Quorum quorum, long own) {
        long[] all = new long[quorum.size()];
        int i = 0;
        for (int p : quorum.voters()) {
            all[i++] = match[p];
        }
        if (quorum.selfVotes()) {
            all[i] = own;
        }
        Arrays.sort(all);
        // ascending: a majority holds at least the value at index (n - 1) / 2 from the top
        return all[all.length - 1 - all.length / 2];
    }

    long lastHeard(int peer) {
        return lastHeard[peer];
    }

    /** Whether a majority of {@code quorum} (the leader included) was heard from at or after {@code since}. */
    boolean majorityHeardSince(Quorum quorum, long since) {
        int heard = 0;
        for (int p : quorum.voters()) {
            if (lastHeard[p] >= since) {
                heard++;
            }
        }
        return quorum.isMajority(heard, true);
    }
}
