package org.mfsj.fuse.lowlevel;

/**
 * A thread of {@link RequestLoop}: it reads a request and runs libfuse's processing of it, which
 * calls the operation on this same thread. What the raw request says that libfuse does not pass
 * on is kept here for the operation to ask ({@link Request#killsSetIds}).
 */
final class FuseWorker extends Thread {
    private boolean setIdKill;

    FuseWorker(Runnable work, String name) {
        super(work, name);
        setDaemon(true);
    }

    /** Called by this thread before libfuse processes its next request. */
    void reading(boolean killsSetIds) {
        setIdKill = killsSetIds;
    }

    /** Whether the request this thread runs asks for setuid/setgid to go; false on any other thread. */
    static boolean killsSetIds() {
        return Thread.currentThread() instanceof FuseWorker w && w.setIdKill;
    }
}
