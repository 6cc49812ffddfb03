package org.mfsj.master.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.client2master.DirLease;
import org.mfsj.common.wire.client2master.DirLeaseRecall;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.master.MasterConfig;
import org.mfsj.master.MasterServer;
import org.mfsj.master.fake.LoopbackMaster;
import org.mfsj.master.fake.TestClient;

/**
 * Directory leases on a real master over loopback: a holder's own changes recall nothing; another
 * client's change is answered only after the holder heard the recall and gave the lease back (or
 * its connection went); only an empty directory is leased anew, and a recalled lease is not renewed.
 */
class DirLeasesTest {
    private final EventLoopGroup group = Transport.newGroup(2);
    private final BlockingQueue<Message> toHolder = new LinkedBlockingQueue<>();

    @TempDir
    Path data;

    private MasterServer master;
    private TestClient holder;
    private TestClient other;
    private long requests = 100;

    @BeforeEach
    void start() throws Exception {
        master = MasterServer.start(MasterConfig.from(LoopbackMaster.config(data)), Clock.systemUTC());
        holder = session(TestClient.connect(group, master.clientPort(), (p, m) -> toHolder.add(m)));
        other = session(TestClient.connect(group, master.clientPort()));
    }

    private static TestClient session(TestClient c) throws Exception {
        RegisterSessionReply r = c.call(id -> new RegisterSession(id, 0, "test", "/"), RegisterSessionReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        return c;
    }

    @AfterEach
    void stop() {
        holder.close();
        other.close();
        master.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private long mkdir(TestClient c, long parent, String name) throws Exception {
        long rq = ++requests;
        EntryReply r = c.call(id -> new Mkdir(id, ROOT, parent, name, 0777, rq), EntryReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        return r.attr().inode();
    }

    private CompletableFuture<EntryReply> mknod(TestClient c, long parent, String name) {
        long rq = ++requests;
        return c.async(id -> new Mknod(id, ROOT, parent, name, FileType.FILE, 0644, 0, rq), EntryReply.class);
    }

    private static Status lease(TestClient c, long dir, DirLease.Op op) throws Exception {
        return c.call(id -> new DirLease(id, dir, op), StatusReply.class).status();
    }

    @Test
    void anotherClientsChangeWaitsForTheGiveBackAndTheHoldersOwnRecallNothing() throws Exception {
        long dir = mkdir(holder, 1, "d");
        assertThat(lease(holder, dir, DirLease.Op.EMPTY)).isEqualTo(Status.OK);
        assertThat(mknod(holder, dir, "own").get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
        assertThat(lease(holder, dir, DirLease.Op.RENEW)).as("own changes keep the lease").isEqualTo(Status.OK);
        assertThat(toHolder).isEmpty();

        CompletableFuture<EntryReply> made = mknod(other, dir, "theirs");
        assertThat(toHolder.poll(10, TimeUnit.SECONDS)).isEqualTo(new DirLeaseRecall(0, dir));
        // not answered while the holder may still answer from what it knew of the names
        assertThat(lease(other, dir, DirLease.Op.EMPTY)).as("a round trip behind the change").isEqualTo(Status.EAGAIN);
        assertThat(made).isNotDone();
        assertThat(lease(holder, dir, DirLease.Op.GIVE_BACK)).isEqualTo(Status.OK);
        assertThat(made.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
        assertThat(lease(holder, dir, DirLease.Op.RENEW)).as("recalled").isEqualTo(Status.EAGAIN);

        // no lease any more: the next change by the other client is answered at once, and nothing is recalled
        long rq = ++requests;
        assertThat(other.call(id -> new Unlink(id, ROOT, dir, "theirs", rq), StatusReply.class).status())
                .isEqualTo(Status.OK);
        assertThat(toHolder).isEmpty();
    }

    @Test
    void aHolderThatGoesAwayNoLongerHoldsUpChanges() throws Exception {
        long dir = mkdir(holder, 1, "gone");
        assertThat(lease(holder, dir, DirLease.Op.EMPTY)).isEqualTo(Status.OK);
        CompletableFuture<EntryReply> made = mknod(other, dir, "x");
        assertThat(toHolder.poll(10, TimeUnit.SECONDS)).isEqualTo(new DirLeaseRecall(0, dir));
        holder.close();
        assertThat(made.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
    }

    @Test
    void onlyAnEmptyDirectoryIsLeasedAnew() throws Exception {
        long dir = mkdir(holder, 1, "full");
        assertThat(mknod(other, dir, "x").get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
        assertThat(lease(holder, dir, DirLease.Op.EMPTY)).isEqualTo(Status.EAGAIN);
        assertThat(lease(holder, dir, DirLease.Op.RENEW)).as("never held").isEqualTo(Status.EAGAIN);
        long file = mknod(holder, dir, "f").get(10, TimeUnit.SECONDS).attr().inode();
        assertThat(lease(holder, file, DirLease.Op.EMPTY)).isEqualTo(Status.ENOTDIR);
        assertThat(lease(holder, 1L << 40, DirLease.Op.EMPTY)).isEqualTo(Status.ENOENT);
    }
}
