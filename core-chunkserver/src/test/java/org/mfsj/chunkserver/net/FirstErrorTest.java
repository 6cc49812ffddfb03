package org.mfsj.chunkserver.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** How a chained write combines the local and downstream outcomes of one piece. */
class FirstErrorTest {
    @Test
    void okOnlyWhenBothAreOk() {
        CompletableFuture<Status> local = new CompletableFuture<>();
        CompletableFuture<Status> down = new CompletableFuture<>();
        CompletableFuture<Status> both = WriteSession.firstError(down, local);
        local.complete(Status.OK);
        assertThat(both).isNotDone();
        down.complete(Status.OK);
        assertThat(both).isCompletedWithValue(Status.OK);
    }

    @Test
    void anErrorIsAnsweredWithoutWaitingForTheOtherSide() {
        CompletableFuture<Status> local = new CompletableFuture<>();
        CompletableFuture<Status> down = new CompletableFuture<>();
        CompletableFuture<Status> both = WriteSession.firstError(down, local);
        down.complete(Status.DISCONNECTED);
        assertThat(both).isCompletedWithValue(Status.DISCONNECTED);
        local.complete(Status.CRC_ERROR);
        assertThat(both).isCompletedWithValue(Status.DISCONNECTED);
    }

    @Test
    void aFailedFutureCountsAsItsStatus() {
        CompletableFuture<Status> both = WriteSession.firstError(CompletableFuture.completedFuture(Status.OK),
                CompletableFuture.failedFuture(new MfsException(Status.DISK_FAILED, "gone")));
        assertThat(both).isCompletedWithValue(Status.DISK_FAILED);
    }
}
