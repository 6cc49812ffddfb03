package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.tools.it.ClientCalls.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.Release;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.Scratch;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.StatusReply;

/**
 * Calls whose answer was lost, against a real master: a relay between client and master lets the
 * request through, swallows the master's answer and cuts the connection; core-client reconnects
 * and sends the call again with its request id, and the master answers it as the first time
 * without doing it twice.
 */
class MasterRetriesIT {
    @TempDir
    Path tmp;
    private ClusterFixture cluster;
    private AnswerDroppingProxy proxy;
    /** A client straight to the master, for what is not under test. */
    private MfsClient direct;

    @BeforeEach
    void startClusterAndRelay() throws Exception {
        cluster = new ClusterFixture(tmp.resolve("c"));
        proxy = new AnswerDroppingProxy(cluster.cluster.masterAddresses().get(0).port());
        direct = cluster.client();
    }

    @AfterEach
    void stopRelayAndCluster() throws Exception {
        try (ClusterFixture c = cluster) {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /**
     * The client holds a file open twice; another client unlinks it, so the master holds the file
     * for those two opens. The release of one of them is done and its answer lost: sent again, it
     * must not end the other open, or the file would go while the client still has it open.
     */
    @Test
    void aReleaseWhoseAnswerWasLostEndsOneOpenNotTwo() throws Exception {
        MfsClient c = direct;
        long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
        c.setTrashTime(ClusterFixture.ROOT, dir, 0, false);
        byte[] data = bytes(100_003, 1);
        long file = ClientCalls.write(c, dir, "held", data);
        try (MfsClient holder = connectThroughRelay("holder")) {
            FileHandle first = holder.open(ClusterFixture.ROOT, file, false);
            FileHandle second = holder.open(ClusterFixture.ROOT, file, false);
            c.unlink(ClusterFixture.ROOT, dir, "held");
            loseAnswerOf(ReleaseMany.class);
            first.close();
            ClusterFixture.await("the release's answer lost and the session resumed", Duration.ofSeconds(30),
                    () -> proxy.dropped() == 1 && holder.metrics().masterReconnects() >= 1);
            // the release sent again goes ahead of this call
            holder.sessions();
            assertThat(status(() -> c.getattr(file))).as("the file still open once, after the retried release")
                    .isEqualTo(Status.OK);
            assertThat(ClientCalls.readAll(second)).isEqualTo(data);
            second.close();
            ClusterFixture.await("the file gone once its last open ended", Duration.ofSeconds(20),
                    () -> status(() -> c.getattr(file)) == Status.ENOENT);
        }
    }

    /**
     * The same for the release of one open (1087), as a client of the wire protocol sends it: done,
     * its answer lost, and sent again with its request id on a new connection of the same session,
     * it ends one open, not both (before, a lone release had no request id and ended the second).
     */
    @Test
    void aLoneReleaseWhoseAnswerWasLostEndsOneOpenNotTwo() throws Exception {
        long dir = direct.mkdir(ClusterFixture.ROOT, direct.rootInode(), "d", 0755).inode();
        direct.setTrashTime(ClusterFixture.ROOT, dir, 0, false);
        long file = ClientCalls.write(direct, dir, "held", bytes(10_007, 3));
        long session;
        try (RawSession raw = RawSession.open(proxy.port(), 0)) {
            session = raw.sessionId();
            for (int i = 0; i < 2; i++) {
                assertThat(raw.call(id -> new Open(id, ClusterFixture.ROOT, file, true, false), AttrReply.class)
                        .status()).isEqualTo(Status.OK);
            }
            direct.unlink(ClusterFixture.ROOT, dir, "held");
            loseAnswerOf(Release.class);
            CompletableFuture<StatusReply> lost = raw.async(id -> new Release(id, file, 1087), StatusReply.class);
            assertThatThrownBy(() -> lost.get(30, TimeUnit.SECONDS)).as("the answer never came")
                    .isInstanceOf(ExecutionException.class);
            assertThat(proxy.dropped()).isEqualTo(1);
        }
        try (RawSession resumed = RawSession.open(proxy.port(), session)) {
            assertThat(resumed.sessionId()).isEqualTo(session);
            assertThat(resumed.call(id -> new Release(id, file, 1087), StatusReply.class).status())
                    .as("the retry answered as the first time").isEqualTo(Status.OK);
            assertThat(status(() -> direct.getattr(file))).as("the file still open once, after the retried release")
                    .isEqualTo(Status.OK);
            assertThat(openFiles(session)).as("the session still holds it").isEqualTo(1);
            assertThat(resumed.call(id -> new Release(id, file, 1088), StatusReply.class).status())
                    .isEqualTo(Status.OK);
            ClusterFixture.await("the file gone once its last open ended", Duration.ofSeconds(20),
                    () -> status(() -> direct.getattr(file)) == Status.ENOENT);
            assertThat(openFiles(session)).isZero();
        }
    }

    /**
     * An S3 PUT's create-and-write: its first run created the file and took chunk 0's write lock;
     * the retry gets that same chunk at once, so the writer asks for no chunk (without it, it asked
     * for chunk 0 and waited behind its own first run's lock until the lock timed out).
     */
    @Test
    void aScratchCreateWriteWhoseAnswerWasLostGetsTheSameChunkAgain() throws Exception {
        MfsClient c = direct;
        long scratch = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "tmp", 0755).inode();
        c.setxattr(ClusterFixture.ROOT, scratch, Scratch.XATTR, new byte[] {1}, 0);
        long bucket = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "bucket", 0755).inode();
        byte[] data = bytes(300_001, 2);
        try (MfsClient writer = connectThroughRelay("writer")) {
            loseAnswerOf(ScratchCreateWrite.class);
            try (FileHandle h = writer.createOpenScratch(ClusterFixture.ROOT, scratch, "part", 0644, true)) {
                h.write(0, data, 0, data.length);
                h.fsync();
            }
            writer.publish(ClusterFixture.ROOT, scratch, "part", bucket, "object", "user.etag",
                    "e".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() * 1_000_000L);
            assertThat(proxy.dropped()).isEqualTo(1);
            var calls = writer.metrics().masterCallsByType();
            assertThat(calls.get(ScratchCreateWrite.class.getSimpleName())).as(calls.toString())
                    .isEqualTo(2);
            assertThat(calls.getOrDefault("ScratchOpenChunk", 0L)).as("chunk 0 asked for again: " + calls)
                    .isZero();
        }
        long object = c.lookup(ClusterFixture.ROOT, bucket, "object").inode();
        try (FileHandle h = c.open(ClusterFixture.ROOT, object, false)) {
            assertThat(ClientCalls.readAll(h)).isEqualTo(data);
        }
    }

    private int openFiles(long session) throws MfsException {
        return direct.sessions().stream().filter(s -> s.id() == session).findFirst().orElseThrow().openFiles();
    }

    /** The answer to the next request of this type through the relay is lost, its connection cut. */
    private void loseAnswerOf(Class<? extends Message> request) {
        proxy.dropAnswerOf(ClientMasterProtocol.FAMILY.typeOf(request));
    }

    private MfsClient connectThroughRelay(String info) throws MfsException {
        return MfsClient.connect(ClientConfig.of(List.of(new ServerAddress("127.0.0.1", proxy.port())))
                .withClientInfo(info));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }
}
