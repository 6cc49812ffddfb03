package org.mfsj.master.ha;

/**
 * The persistent part of an election: the highest term seen and whom this master voted for in it.
 * {@link #save} returns only once both are durable, so a master that restarts never votes twice
 * in one term nor goes back to an older term.
 */
public interface TermStore {
    long term();

    /** The candidate voted for in {@link #term()}, 0 when none. */
    long votedFor();

    /** This master's lasting id (never 0). */
    long self();

    void save(long term, long votedFor);

    /**
     * Whether this master started without its term file in a replicated group (a new master, or
     * one whose data directory was lost): it may have voted before and forgotten it, so it votes
     * only in a new group's first election until it has caught up with a leader.
     */
    default boolean learner() {
        return false;
    }

    /** Caught up with a leader: a voter from now on (durable before it returns). */
    default void joined() {
    }

    /**
     * When (clock millis) this master last heard from a leader it followed, kept in memory across
     * its lives in one process (a reload must not forget it: see {@link ReadLease});
     * {@link Long#MIN_VALUE} until the first life of the process sets it.
     */
    default long leaderContact() {
        return Long.MIN_VALUE;
    }

    default void leaderContact(long millis) {
    }
}
