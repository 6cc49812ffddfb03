package org.mfsj.master.meta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends (replies to clients) held until a version is durable, released by whichever thread first
 * learns that it is: the changelog's own thread right after its force, so a reply does not wait
 * for another turn of the master thread's queue before it leaves. Sending is thread-safe (a
 * connection's writes go through its event loop), so nothing here touches master state; what a
 * send needs of that state is read on the master thread when it is held.
 */
final class HeldSends {
    private record Held(long version, Runnable send) {
    }

    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long durable;
    private boolean failed;

    HeldSends(long durable) {
        this.durable = durable;
    }

    /** Runs {@code send} once {@code version} is durable: at once if it is; never if the log failed. */
    void when(long version, Runnable send) {
        synchronized (this) {
            if (failed) {
                return;
            }
            if (version > durable) {
                // versions are held in the order they were appended, so in version order
                held.add(new Held(version, send));
                return;
            }
        }
        send.run();
    }

    /** Every version up to {@code version} is durable: runs the sends held for them (outside the lock). */
    void release(long version) {
        List<Runnable> ready;
        synchronized (this) {
            if (version <= durable) {
                return;
            }
            durable = version;
            if (held.isEmpty() || held.peek().version() > version) {
                return;
            }
            ready = new ArrayList<>();
            while (!held.isEmpty() && held.peek().version() <= version) {
                ready.add(held.poll().send());
            }
        }
        for (Runnable r : ready) {
            r.run();
        }
    }

    /** The log failed: what is held is never sent (those changes may be lost), nor anything held later. */
    synchronized void fail() {
        failed = true;
        held.clear();
    }
}
