package org.mfsj.master.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** What Durability holds back and which thread lets it go; the master thread is a queue run by hand. */
class DurabilityTest {
    /** Tasks handed to the master thread, run only when the test says so. */
    private static final class ManualMaster implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final ManualMaster master = new ManualMaster();
    private final List<String> sent = new ArrayList<>();
    private final Durability durability = new Durability(master, 10, () -> sent.add("stopped"));

    @Test
    void aHeldReplyLeavesFromTheLogsThreadWithoutATurnOfTheMasterThread() {
        durability.send(12, () -> sent.add("reply 12"));
        durability.send(13, () -> sent.add("reply 13"));
        durability.durable(11);
        assertThat(sent).as("version 12 is not durable yet").isEmpty();

        durability.durable(12);
        assertThat(sent).containsExactly("reply 12");
        assertThat(master.tasks).as("no one else waited: the master thread is not woken").isEmpty();

        durability.durableOnMaster(13);
        assertThat(sent).containsExactly("reply 12", "reply 13");
    }

    @Test
    void aReplyForWhatIsDurableAlreadyLeavesAtOnce() {
        durability.send(10, () -> sent.add("reply 10"));
        durability.durable(11);
        durability.send(11, () -> sent.add("reply 11"));
        assertThat(sent).containsExactly("reply 10", "reply 11");
    }

    @Test
    void otherWaitersAreReleasedOnTheMasterThreadInVersionOrder() {
        CompletableFuture<Void> a = durability.when(11);
        CompletableFuture<Void> b = durability.when(12);
        durability.durable(11);
        assertThat(a).as("released on the master thread only").isNotDone();
        master.runAll();
        assertThat(a).isDone();
        assertThat(b).isNotDone();

        durability.durable(12);
        master.runAll();
        assertThat(b).isDone();
    }

    @Test
    void newsTheLogDidNotPostStillReleasesALaterWaiter() {
        durability.durable(12);
        assertThat(master.tasks).as("no waiter: nothing posted").isEmpty();
        assertThat(durability.when(12)).as("the log's news counts at once when no one waits").isDone();

        CompletableFuture<Void> first = durability.when(13);
        durability.durable(13);
        CompletableFuture<Void> second = durability.when(13);
        assertThat(second).as("queued behind the first waiter, so released in order").isNotDone();
        master.runAll();
        assertThat(first).isDone();
        assertThat(second).isDone();
        assertThat(durability.when(13)).isDone();
    }

    @Test
    void afterTheLogFailedNothingHeldIsEverSent() {
        durability.send(12, () -> sent.add("reply 12"));
        CompletableFuture<Void> waiter = durability.when(12);
        durability.failed(new IOException("disk gone"));
        master.runAll();
        durability.durable(12);
        durability.send(13, () -> sent.add("reply 13"));
        durability.durable(13);
        assertThat(sent).containsExactly("stopped");
        assertThat(waiter).isCompletedExceptionally();
    }
}
