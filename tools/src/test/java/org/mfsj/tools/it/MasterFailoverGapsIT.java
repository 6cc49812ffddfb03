package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.tools.it.ClientCalls.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * What a new leader does not know at once, with three voting masters and kill -9 of the leader:
 * where chunk copies are (the chunkservers tell it as they register), and which files clients
 * have open (they tell it as they resume). Reads and writes made meanwhile wait instead of failing,
 * and a file unlinked meanwhile stays for the client that has it open.
 */
class MasterFailoverGapsIT {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    /**
     * The chunkservers are frozen before the kill, so the new leader certainly knows no copy when
     * the reads and the write below reach it: they must wait for the chunkservers, not fail.
     */
    @Test
    void readsAndWritesRightAfterTheLeaderIsKilledWaitForTheChunkservers() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            MfsClient c = f.client();
            byte[] a = bytes(3 * MIB + 12_345, 1);
            byte[] b = bytes(2 * MIB, 2);
            long aInode = write(c, "a.bin", a, 2);
            long bInode = write(c, "b.bin", b, 1);
            String leader = group.awaitLeader(null, Duration.ofSeconds(10));
            List<String> servers = List.of(LocalCluster.chunkserverName(1), LocalCluster.chunkserverName(2),
                    LocalCluster.chunkserverName(3));
            byte[] patch = bytes(MIB, 3);
            CompletableFuture<byte[]> read;
            CompletableFuture<Void> written;
            try (MfsClient reader = connect(f.cluster.masterAddresses(), "reader");
                 MfsClient writer = connect(f.cluster.masterAddresses(), "writer")) {
                for (String s : servers) {
                    f.cluster.pause(s);
                }
                try {
                    f.cluster.kill9(leader);
                    group.awaitLeader(leader, Duration.ofSeconds(15));
                    read = CompletableFuture.supplyAsync(() -> readAll(reader, aInode));
                    written = CompletableFuture.runAsync(() -> overwrite(writer, bInode, patch));
                    ClusterFixture.await("the new leader telling both clients to ask again", Duration.ofSeconds(20),
                            () -> reader.metrics().masterRetries() > 0 && writer.metrics().masterRetries() > 0
                                    || read.isDone() || written.isDone());
                    assertThat(read).as("a read while no chunkserver is back").isNotDone();
                    assertThat(written).as("a write while no chunkserver is back").isNotDone();
                } finally {
                    for (String s : servers) {
                        f.cluster.resume(s);
                    }
                }
                assertThat(read.get(60, TimeUnit.SECONDS)).as("bytes read right after the kill").isEqualTo(a);
                written.get(60, TimeUnit.SECONDS);
            }
            byte[] expected = b.clone();
            System.arraycopy(patch, 0, expected, 0, patch.length);
            assertThat(readAll(c, bInode)).as("the file written right after the kill").isEqualTo(expected);
        }
    }

    /**
     * A client has files open under the first leader; it is cut off from every master (a proxy per
     * master) while the leader is killed, and another client unlinks one of its files under the new
     * leader before it is back. The file stays: it is read whole once the client is back, and after
     * the new leader stopped waiting for clients to report (a file nobody had open is gone by then),
     * and goes when the client closes it. A file unlinked later, once the client reported its opens
     * to the new leader, stays for it the same way.
     */
    @Test
    void aFileOpenUnderTheOldLeaderAndUnlinkedUnderTheNewStaysUntilItsClientClosesIt() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            MfsClient c = f.client();
            long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
            c.setTrashTime(ClusterFixture.ROOT, dir, 0, false);
            byte[] earlyData = bytes(2 * MIB + 7, 4);
            byte[] lateData = bytes(MIB + 3, 5);
            long early = ClientCalls.write(c, dir, "early", earlyData);
            long late = ClientCalls.write(c, dir, "late", lateData);
            long nobody = ClientCalls.write(c, dir, "nobody", bytes(1000, 6));
            List<TcpProxy> proxies = new ArrayList<>();
            try {
                List<ServerAddress> proxied = new ArrayList<>();
                for (ServerAddress m : f.cluster.masterAddresses()) {
                    TcpProxy p = new TcpProxy(m.port());
                    proxies.add(p);
                    proxied.add(new ServerAddress("127.0.0.1", p.port()));
                }
                try (MfsClient holder = connect(proxied, "holder")) {
                    FileHandle he = holder.open(ClusterFixture.ROOT, early, false);
                    FileHandle hl = holder.open(ClusterFixture.ROOT, late, false);
                    String leader = group.awaitLeader(null, Duration.ofSeconds(10));
                    proxies.forEach(TcpProxy::cut);
                    f.cluster.kill9(leader);
                    group.awaitLeader(leader, Duration.ofSeconds(15));
                    c.unlink(ClusterFixture.ROOT, dir, "early");
                    c.unlink(ClusterFixture.ROOT, dir, "nobody");
                    assertThat(c.getattr(early).nlink()).as("links of the file unlinked while its client is away")
                            .isZero();
                    proxies.forEach(TcpProxy::heal);
                    assertThat(ClientCalls.readAll(he)).as("the unlinked file read by its client, back")
                            .isEqualTo(earlyData);

                    ClusterFixture.await("the unlinked file nobody reported gone", Duration.ofSeconds(60),
                            () -> status(() -> c.getattr(nobody)) == Status.ENOENT);
                    assertThat(ClientCalls.readAll(he))
                            .as("the unlinked file once the leader stopped waiting for reports")
                            .isEqualTo(earlyData);
                    c.unlink(ClusterFixture.ROOT, dir, "late");
                    assertThat(ClientCalls.readAll(hl)).as("a file open since the old leader, unlinked later")
                            .isEqualTo(lateData);

                    he.close();
                    hl.close();
                    ClusterFixture.await("both closed unlinked files gone", Duration.ofSeconds(20),
                            () -> status(() -> c.getattr(early)) == Status.ENOENT
                                    && status(() -> c.getattr(late)) == Status.ENOENT);
                }
            } finally {
                for (TcpProxy p : proxies) {
                    p.close();
                }
            }
        }
    }

    private static MfsClient connect(List<ServerAddress> masters, String info) throws MfsException {
        return MfsClient.connect(ClientConfig.of(masters).withClientInfo(info));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    private static long write(MfsClient c, String name, byte[] data, int goal) throws MfsException {
        long inode = ClientCalls.write(c, c.rootInode(), name, data);
        c.setGoal(ClusterFixture.ROOT, inode, goal, false);
        return inode;
    }

    private static void overwrite(MfsClient c, long inode, byte[] data) {
        try (FileHandle h = c.open(ClusterFixture.ROOT, inode, true)) {
            h.write(0, data, 0, data.length);
            h.fsync();
        } catch (MfsException e) {
            throw new AssertionError("write right after the kill", e);
        }
    }

    private static byte[] readAll(MfsClient c, long inode) {
        try (FileHandle h = c.open(ClusterFixture.ROOT, inode, false)) {
            return ClientCalls.readAll(h);
        } catch (MfsException e) {
            throw new AssertionError("read of inode " + inode, e);
        }
    }
}
