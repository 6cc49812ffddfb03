package org.mfsj.tools.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;

/**
 * Creates files one after another in one directory until stopped; keeps the names acknowledged,
 * every failure, and the longest pause between two acknowledgements (master HA tests).
 */
final class AckedWriter extends Thread {
    final List<String> acked = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> failed = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean stop = new AtomicBoolean();
    private final MfsClient client;
    private final long dir;
    volatile long longestPauseMillis;

    AckedWriter(MfsClient client, long dir) {
        this.client = client;
        this.dir = dir;
    }

    @Override
    public void run() {
        long last = System.nanoTime();
        for (int i = 0; !stop.get(); i++) {
            try {
                client.create(ClusterFixture.ROOT, dir, "f" + i, 0644);
                acked.add("f" + i);
                long now = System.nanoTime();
                longestPauseMillis = Math.max(longestPauseMillis, (now - last) / 1_000_000);
                last = now;
            } catch (MfsException | RuntimeException e) {
                failed.add(e);
            }
        }
    }

    void finish() throws InterruptedException {
        stop.set(true);
        join(60_000);
    }
}
