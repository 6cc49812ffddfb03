package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.client.fake.FakeCluster;
import org.mfsj.client.fake.Pattern;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.RegisterSession;

/** The session with the master across restarts and outages. */
class MasterLinkTest {
    private static final Creds ME = new Creds(1000, 1000, new int[0]);

    private FakeCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new FakeCluster(2);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void resumesTheSessionAfterTheMasterRestartsOnTheSamePort() throws Exception {
        MfsClient client = cluster.client();
        Attr file = client.create(ME, client.rootInode(), "f", 0644);

        cluster.master.stop();
        // a call made while the master is away waits for it instead of failing
        CompletableFuture<Attr> during = CompletableFuture.supplyAsync(() -> {
            try {
                return client.lookup(ME, client.rootInode(), "f");
            } catch (MfsException e) {
                throw new IllegalStateException(e);
            }
        });
        cluster.master.start();

        assertThat(during.get().inode()).isEqualTo(file.inode());
        assertThat(client.getattr(file.inode()).inode()).isEqualTo(file.inode());
        assertThat(client.metrics().masterReconnects()).isPositive();
        // the session was resumed, not replaced
        assertThat(cluster.master.sessionsOpened()).isEqualTo(1);
        assertThat(cluster.master.registrations).extracting(RegisterSession::sessionId).filteredOn(id -> id != 0)
                .isNotEmpty();
    }

    @Test
    void writesBufferedWhileTheMasterIsAwayAreFlushedWhenItReturns() throws Exception {
        MfsClient client = cluster.client();
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        byte[] data = Pattern.bytes(3, 0, 2 << 20);
        try (FileHandle h = client.open(ME, inode, true)) {
            cluster.master.stop();
            h.write(0, data, 0, data.length);
            cluster.master.start();
        }
        try (FileHandle h = client.open(ME, inode, false)) {
            byte[] back = new byte[data.length];
            int pos = 0;
            while (pos < back.length) {
                pos += h.read(pos, back, pos, back.length - pos);
            }
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void aMasterOfAnOlderTermThanOneThatServedTheClientIsNotUsed() throws Exception {
        cluster.master.term = 5;
        MfsClient client = cluster.client(cluster.config().withMasterGoneTimeout(Duration.ofMillis(1500)));
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        cluster.master.stop();
        // a deposed leader of term 4 answers where the leader of term 5 was
        cluster.master.term = 4;
        int before = cluster.master.registrations.size();
        cluster.master.start();
        assertThatThrownBy(() -> client.getattr(inode)).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.ETIMEDOUT));
        assertThat(cluster.master.registrations.size()).as("it was asked, and refused").isGreaterThan(before);
        cluster.master.term = 6;
        assertThat(client.getattr(inode).inode()).isEqualTo(inode);
    }

    @Test
    void callsFailWithEtimedoutOnceTheMasterHasBeenGoneTooLong() throws Exception {
        MfsClient client = cluster.client(cluster.config().withMasterGoneTimeout(Duration.ofMillis(300)));
        long root = client.rootInode();
        cluster.master.stop();

        assertThatThrownBy(() -> client.getattr(root))
                .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.ETIMEDOUT));
    }

    @Test
    void aRefusedSessionFailsConnectWithTheMastersStatus() {
        assertThatThrownBy(() -> cluster.client(cluster.config().withSubdir("/missing")))
                .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.ENOENT));
    }

    @Test
    void connectFailsWhenNoMasterAnswers() {
        ClientConfig cfg = cluster.config().withCallTimeout(Duration.ofMillis(300));
        cluster.master.stop();
        assertThatThrownBy(() -> cluster.client(cfg))
                .isInstanceOfSatisfying(MfsException.class,
                        e -> assertThat(e.status()).isIn(Status.DISCONNECTED, Status.ETIMEDOUT));
    }
}
