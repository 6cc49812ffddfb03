package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The end of a turn of the master thread that serves connections, and what counts as its other work. */
class MasterThreadTurnTest {
    @Test
    void whatEndsATurnRunsAfterTheTasksQueuedInItAndIsNoWorkQueued() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> idleAtTask = new CompletableFuture<>();
        CompletableFuture<Boolean> idleWithOtherWork = new CompletableFuture<>();
        try (MasterThread master = MasterThread.servingConnections("turn-test")) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            master.execute(() -> {
                master.afterTurn(() -> {
                    order.add("end of turn");
                    done.complete(null);
                });
                master.later(() -> {
                    order.add("queued task");
                    idleAtTask.complete(master.idle());
                });
                master.afterTurn(() -> order.add("second end of turn"));
            });
            done.get(30, TimeUnit.SECONDS);
            master.execute(() -> {
                master.later(() -> { });
                idleWithOtherWork.complete(master.idle());
            });
            assertThat(idleWithOtherWork.get(30, TimeUnit.SECONDS)).as("a task queued behind").isFalse();
        }
        assertThat(order).containsExactly("queued task", "end of turn", "second end of turn");
        assertThat(idleAtTask.get()).as("only the end of the turn is left").isTrue();
    }

    @Test
    void offTheThreadTheEndOfATurnIsNow() {
        List<String> order = new CopyOnWriteArrayList<>();
        try (MasterThread master = MasterThread.servingConnections("turn-test")) {
            master.afterTurn(() -> order.add("ran"));
        }
        assertThat(order).containsExactly("ran");
    }
}
