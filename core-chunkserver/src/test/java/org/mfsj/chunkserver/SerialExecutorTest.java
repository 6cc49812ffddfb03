package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(order).isSorted().hasSize(1000);
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(after::countDown);
        assertThat(after.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoQueuesOnOnePoolDoNotWaitForEachOther() throws Exception {
        SerialExecutor a = new SerialExecutor(pool);
        SerialExecutor b = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bRan = new CountDownLatch(1);
        a.execute(() -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        b.execute(bRan::countDown);
        assertThat(bRan.await(20, TimeUnit.SECONDS)).as("b ran while a was busy").isTrue();
        release.countDown();
    }
}
