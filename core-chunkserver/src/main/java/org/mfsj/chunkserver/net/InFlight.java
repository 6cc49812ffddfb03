package org.mfsj.chunkserver.net;

import java.util.concurrent.CompletableFuture;

/** Counts a session's unfinished writes, so its end waits for every one of them. */
final class InFlight {
    private int count;
    private CompletableFuture<Void> idle;

    synchronized void begin() {
        count++;
    }

    void done() {
        CompletableFuture<Void> wake = null;
        synchronized (this) {
            count--;
            if (count == 0 && idle != null) {
                wake = idle;
                idle = null;
            }
        }
        if (wake != null) {
            wake.complete(null); // outside the lock: callbacks run here
        }
    }

    /** Completes once nothing is in flight (at once if nothing is now). */
    synchronized CompletableFuture<Void> idle() {
        if (count == 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (idle == null) {
            idle = new CompletableFuture<>();
        }
        return idle;
    }
}
