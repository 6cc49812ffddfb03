package org.mfsj.master.chunks;

/**
 * What a request that waits for a chunk's lock was when it began to wait, carried to where it
 * starts over: the master's changelog tags each change with the client request it serves, and a
 * waiter starts over in a task of its own, where no request is being served.
 */
@FunctionalInterface
public interface WaiterContext {
    /** Carries nothing: the waiter starts over as it is (tests that drive the locks alone). */
    WaiterContext NONE = wakeUp -> wakeUp;

    /** Called as a request begins to wait: {@code wakeUp}, to run later as that request. */
    Runnable bind(Runnable wakeUp);
}
