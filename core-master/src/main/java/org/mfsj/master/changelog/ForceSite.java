package org.mfsj.master.changelog;

/**
 * The thread that appends to the log, when it may force the log itself: the master thread that is
 * also its clients' event loop. A force there spares the two thread wake-ups around a commit
 * thread (waking it, and it waking the event loop to send the replies it released), at the price
 * of the thread's other work waiting for the disk meanwhile; so it forces only when nothing else
 * is queued on it.
 */
public interface ForceSite {
    /** Whether the caller runs on this thread. */
    boolean inThread();

    /** Runs {@code task} on this thread after what is queued there now (the reads at hand among it). */
    void later(Runnable task);

    /** Nothing else is queued on this thread: a force here now delays none of its known work. */
    boolean idle();
}
