package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.common.locks.HeldLock.TO_EOF;
import static org.mfsj.common.locks.LockFlavor.POSIX;
import static org.mfsj.common.locks.LockType.READ;
import static org.mfsj.common.locks.LockType.UNLOCK;
import static org.mfsj.common.locks.LockType.WRITE;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** Two clients (two sessions, as two machines' mounts would be) exclude each other through the master. */
class LockIT {
    @TempDir
    Path tmp;

    @Test
    void aBlockedLockIsGrantedWhenTheHolderReleasesIt() throws Exception {
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("cluster"));
                MfsClient other = MfsClient.connect(ClientConfig.of(List.of(fx.cluster.masterAddress()))
                        .withClientInfo("second machine"))) {
            MfsClient one = fx.client();
            long inode = one.create(ClusterFixture.ROOT, one.rootInode(), "shared", 0644).inode();

            one.setLock(inode, POSIX, WRITE, 0, TO_EOF, 1, 100, false);
            assertThatThrownBy(() -> other.setLock(inode, POSIX, READ, 10, 20, 1, 200, false))
                    .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EAGAIN));
            assertThat(other.testLock(inode, POSIX, READ, 10, 20, 1)).get()
                    .satisfies(h -> assertThat(h.pid()).isEqualTo(100));

            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
                try {
                    other.setLock(inode, POSIX, READ, 10, 20, 1, 200, true);
                } catch (MfsException e) {
                    throw new IllegalStateException(e);
                }
            });
            // still held: the waiter must not have been granted it (it would complete)
            Thread.sleep(300);
            assertThat(waiter).isNotDone();
            one.setLock(inode, POSIX, UNLOCK, 0, TO_EOF, 1, 100, false);
            waiter.get(10, TimeUnit.SECONDS);

            assertThat(one.testLock(inode, POSIX, WRITE, 15, 15, 1)).get()
                    .satisfies(h -> assertThat(h.pid()).isEqualTo(200));
            other.releaseLocks(inode, POSIX, 1);
            assertThat(one.testLock(inode, POSIX, WRITE, 0, TO_EOF, 1)).isEmpty();
        }
    }
}
