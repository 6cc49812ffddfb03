package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.ClusterStatus;
import org.mfsj.common.wire.client2master.ClusterStatusReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.fake.FakeChunkServer;
import org.mfsj.master.fake.LoopbackMaster;
import org.mfsj.master.fake.TestClient;
import org.mfsj.master.fake.TestWrites;
import org.mfsj.master.fake.TestClock;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaState;

/**
 * A request that waited for a chunk's write lock starts over in a task of its own: its changes
 * must still be logged under its own request id, so that a retry after a crash is answered.
 */
class LockWaiterRetryTest {
    private static final long GIB = 1L << 30;
    private static final long REQUEST = 55;

    private final EventLoopGroup group = Transport.newGroup(2);
    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final List<FakeChunkServer> fakes = new ArrayList<>();
    private MasterServer master;
    private TestClient client;

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fakes.forEach(FakeChunkServer::close);
        if (master != null) {
            master.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aTruncateThatWaitedForAWriteIsAnsweredFromTheLogAfterARestart() throws Exception {
        master = MasterServer.start(MasterConfig.from(LoopbackMaster.config(data)), clock);
        for (long id = 1; id <= 2; id++) {
            FakeChunkServer f = new FakeChunkServer(id, group, master.chunkserverPort(), id * 10 * GIB, 100 * GIB);
            fakes.add(f);
            f.connect();
        }
        client = TestClient.connect(group, master.clientPort());
        client.until(ClusterStatus::new, ClusterStatusReply.class,
                r -> r.servers().stream().filter(ServerReport::connected).count() == 2);
        long session = client.call(id -> new RegisterSession(id, 0, "waiter test", "/"), RegisterSessionReply.class)
                .sessionId();
        long inode = client.call(id -> new Mknod(id, ROOT, 1, "f", FileType.FILE, 0644, 0), EntryReply.class)
                .attr().inode();
        WriteChunkReply first = openWrite(inode);
        endWrite(inode, first, 5000);
        WriteChunkReply second = openWrite(inode);

        CompletableFuture<AttrReply> truncate = client.async(
                id -> new SetAttr(id, ROOT, inode, SetAttrMask.LENGTH, 0, 0, 0, 0, 0, 100, REQUEST), AttrReply.class);
        // the truncate was handled before this ping: it can only be waiting for the write's lock
        assertThat(client.call(Ping::new, StatusReply.class).status()).isEqualTo(Status.OK);
        assertThat(truncate).isNotDone();
        endWrite(inode, second, 6000);
        AttrReply cut = truncate.get(20, TimeUnit.SECONDS);
        assertThat(cut.status()).isEqualTo(Status.OK);
        assertThat(cut.attr().length()).isEqualTo(100);

        client.close();
        client = null;
        master.close();
        master = null;
        MetaState recovered = MetaStore.recover(data, Clock.systemUTC(), 2, false);
        assertThat(recovered.namespace().getattr(inode).length()).isEqualTo(100);
        assertThat(recovered.replies().get(session, REQUEST))
                .as("the truncate's changes are logged as its own: a retry after the crash is answered").isNotNull();
    }

    private WriteChunkReply openWrite(long inode) throws Exception {
        return TestWrites.openWrite(client, fakes, inode);
    }

    private void endWrite(long inode, WriteChunkReply w, long length) throws Exception {
        AttrReply r = client.call(id -> new WriteChunkEnd(id, inode, 0, w.chunkId(), length, Status.OK),
                AttrReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
    }
}
