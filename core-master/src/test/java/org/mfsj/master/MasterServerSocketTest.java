package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.chunk2master.DeleteChunk;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;
import org.mfsj.common.wire.chunk2master.TruncateChunk;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.AttrsAtEnd;
import org.mfsj.common.wire.client2master.ClusterStatus;
import org.mfsj.common.wire.client2master.ClusterStatusReply;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.FileInfo;
import org.mfsj.common.wire.client2master.FileInfoReply;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.ReadChunk;
import org.mfsj.common.wire.client2master.ReadChunkReply;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.Scratch;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.ScratchCreatedReply;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.SetGoal;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.StatFs;
import org.mfsj.common.wire.client2master.StatFsReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.fake.FakeChunkServer;
import org.mfsj.master.fake.TestClock;
import org.mfsj.master.fake.LoopbackMaster;
import org.mfsj.master.fake.TestClient;
import org.mfsj.master.fake.TestWrites;

/** A real master on loopback ports with three fake chunkservers and raw client connections. */
class MasterServerSocketTest {
    private static final long GIB = 1L << 30;

    private final EventLoopGroup group = Transport.newGroup(2);
    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final List<FakeChunkServer> fakes = new ArrayList<>();
    private MasterServer master;
    private TestClient client;
    // most free first: a (10% used), then b (30%), then c (50%)
    private FakeChunkServer a;
    private FakeChunkServer b;
    private FakeChunkServer c;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        MasterConfig cfg = MasterConfig.from(LoopbackMaster.config(data)
                .with(MasterConfig.REPLICATIONS_DELAY_INIT, 0).with(MasterConfig.REPLICATIONS_DELAY_DISCONNECT, 0)
                .with(MasterConfig.CHUNKS_LOOP_TIME, 20));
        master = MasterServer.start(cfg, clock);
        a = fake(1, 10);
        b = fake(2, 30);
        c = fake(3, 50);
        client = TestClient.connect(group, master.clientPort());
        awaitConnected(3);
    }

    @AfterEach
    void stop() {
        client.close();
        fakes.forEach(FakeChunkServer::close);
        master.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private FakeChunkServer fake(long id, long usedGib) throws Exception {
        FakeChunkServer f = new FakeChunkServer(id, group, master.chunkserverPort(), usedGib * GIB, 100 * GIB);
        fakes.add(f);
        f.connect();
        return f;
    }

    private ClusterStatusReply awaitConnected(int servers) throws Exception {
        return client.until(ClusterStatus::new, ClusterStatusReply.class,
                r -> r.servers().stream().filter(ServerReport::connected).count() == servers);
    }

    private long newFile(String name) throws Exception {
        EntryReply e = client.call(id -> new Mknod(id, ROOT, 1, name, FileType.FILE, 0644, 0), EntryReply.class);
        assertThat(e.status()).isEqualTo(Status.OK);
        return e.attr().inode();
    }

    /**
     * Opens chunk 0 for writing; a new chunk the master leaves to the chain (one past the file's
     * end) is then made on the chain's servers, as their WriteInitNew would.
     */
    private WriteChunkReply openWrite(long inode) throws Exception {
        return TestWrites.openWrite(client, fakes, inode);
    }

    private AttrReply endWrite(long inode, WriteChunkReply w, long length) throws Exception {
        return client.call(id -> new WriteChunkEnd(id, inode, 0, w.chunkId(), length, Status.OK), AttrReply.class);
    }

    private ReadChunkReply read(long inode) throws Exception {
        return client.call(id -> new ReadChunk(id, inode, 0), ReadChunkReply.class);
    }

    @Test
    void chunksAreWrittenReadReplicatedAndCleanedUp() throws Exception {
        long inode = newFile("f");
        WriteChunkReply w = openWrite(inode);
        long chunk = w.chunkId();
        assertThat(w.version()).isEqualTo(1);
        assertThat(w.chain()).containsExactly(a.dataAddress(), b.dataAddress());
        assertThat(a.chunks()).containsEntry(chunk, 1);
        assertThat(b.chunks()).containsEntry(chunk, 1);
        assertThat(endWrite(inode, w, 1000).attr().length()).isEqualTo(1000);

        ReadChunkReply r = read(inode);
        assertThat(r.fileLength()).isEqualTo(1000);
        assertThat(r.chunkId()).isEqualTo(chunk);
        assertThat(r.locations()).containsExactlyInAnyOrder(a.dataAddress(), b.dataAddress());

        // b leaves: the chunk is undergoal and c, the one server without a copy, gets it from a
        b.disconnect();
        ReplicateChunk rep = c.awaitOrder(ReplicateChunk.class, o -> o.chunkId() == chunk);
        assertThat(rep.source()).isEqualTo(a.dataAddress());
        assertThat(rep.version()).isEqualTo(1);
        r = client.until(id -> new ReadChunk(id, inode, 0), ReadChunkReply.class, x -> x.locations().size() == 2);
        assertThat(r.locations()).containsExactlyInAnyOrder(a.dataAddress(), c.dataAddress());

        // a write while b is away moves the valid copies on; b comes back stale and loses its copy
        WriteChunkReply w2 = openWrite(inode);
        assertThat(w2.version()).isEqualTo(2);
        assertThat(w2.chain()).containsExactlyInAnyOrder(a.dataAddress(), c.dataAddress());
        endWrite(inode, w2, 2000);
        b.connect();
        assertThat(b.awaitOrder(DeleteChunk.class, o -> o.chunkId() == chunk).version()).isEqualTo(1);
        assertThat(b.chunks()).doesNotContainKey(chunk);

        ClusterStatusReply st = awaitConnected(3);
        assertThat(st.chunksByCopies()).containsExactly(0L, 0L, 1L);
        assertThat(st.chunks()).isEqualTo(1);
        assertThat(st.undergoal()).isZero();
        assertThat(st.overgoal()).isZero();
        assertThat(st.inodes()).isEqualTo(2);

        // a lower goal drops the copy on the fuller server
        CountReply g = client.call(id -> new SetGoal(id, ROOT, inode, 1, false), CountReply.class);
        assertThat(g.status()).isEqualTo(Status.OK);
        assertThat(g.count()).isEqualTo(1);
        assertThat(c.awaitOrder(DeleteChunk.class, o -> o.chunkId() == chunk).version()).isEqualTo(2);
        client.until(ClusterStatus::new, ClusterStatusReply.class, s -> s.chunksByCopies().equals(List.of(0L, 1L)));
        FileInfoReply info = client.call(id -> new FileInfo(id, inode), FileInfoReply.class);
        assertThat(info.chunks()).singleElement().satisfies(ch -> {
            assertThat(ch.chunkId()).isEqualTo(chunk);
            assertThat(ch.version()).isEqualTo(2);
            assertThat(ch.goal()).isEqualTo(1);
            assertThat(ch.copies()).singleElement().satisfies(cp -> {
                assertThat(cp.server()).isEqualTo(a.dataAddress());
                assertThat(cp.valid()).isTrue();
            });
        });
    }

    private long scratchDir() throws Exception {
        EntryReply dir = client.call(id -> new Mkdir(id, ROOT, 1, "tmp", 01777, 901), EntryReply.class);
        assertThat(client.call(id -> new SetXattr(id, ROOT, dir.attr().inode(), Scratch.XATTR, new byte[] {1}, 0, 902),
                StatusReply.class).status()).isEqualTo(Status.OK);
        return dir.attr().inode();
    }

    private long scratchFile() throws Exception {
        long dir = scratchDir();
        return client.call(id -> new ScratchCreateOpen(new CreateOpen(id, ROOT, dir, "t", 0644, 903)),
                EntryReply.class).attr().inode();
    }

    private Publish publishT(int id, long dir, long reqId) {
        return new Publish(id, ROOT, dir, "t", 1, "obj", "user.meta", new byte[] {7}, 5, reqId, Publish.ANY_TARGET);
    }

    /** tar's times and mode, kept by the writer until the close, ride on the write's end: one change, one force. */
    @Test
    void attributesSentWithAWritesEndAreSetAfterItsLengthInTheSameForce() throws Exception {
        long inode = newFile("kept");
        WriteChunkReply w = openWrite(inode);
        long t = 1_500_000_000_123_456_789L;
        long forcesBefore = master.metadata().log().commitStats()[0];
        AttrReply r = client.call(id -> new WriteChunkEnd(id, inode, 0, w.chunkId(), 5000, Status.OK,
                new AttrsAtEnd(ROOT, AttrsAtEnd.ALLOWED, 0640, t - 1, t)), AttrReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(master.metadata().log().commitStats()[0] - forcesBefore).as("forces").isEqualTo(1);
        assertThat(r.attr().length()).isEqualTo(5000);
        assertThat(r.attr().mtimeNanos()).as("the kept mtime, not the end's").isEqualTo(t);
        assertThat(r.attr().atimeNanos()).isEqualTo(t - 1);
        assertThat(r.attr().mode() & 07777).isEqualTo(0640);
        assertThat(client.call(id -> new Lookup(id, ROOT, 1, "kept"), EntryReply.class).attr().mtimeNanos())
                .isEqualTo(t);

        // one who may not set them: the length is recorded all the same, the answer shows they were not set
        WriteChunkReply w2 = openWrite(inode);
        Creds other = new Creds(4321, 4321, new int[0]);
        AttrReply refused = client.call(id -> new WriteChunkEnd(id, inode, 0, w2.chunkId(), 9000, Status.OK,
                new AttrsAtEnd(other, SetAttrMask.MODE, 0777, 0, 0)), AttrReply.class);
        assertThat(refused.status()).isEqualTo(Status.OK);
        assertThat(refused.attr().length()).isEqualTo(9000);
        assertThat(refused.attr().mode() & 07777).isEqualTo(0640);
    }

    @Test
    void aScratchFileComesWithItsFirstChunkAndIsPublishedWithItsChunkEnd() throws Exception {
        long dir = scratchDir();
        ScratchCreatedReply made = client.call(id -> new ScratchCreateWrite(new CreateOpen(id, ROOT, dir, "t", 0644,
                904)), ScratchCreatedReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(made.created()).as("the chain creates chunk 0").isTrue();
        WriteChunkReply chunk = made.chunk();
        assertThat(chunk.chain()).containsExactly(a.dataAddress(), b.dataAddress());
        assertThat(a.pendingOrders()).as("no server was asked to create it").isEmpty();
        long inode = made.attr().inode();
        long other = newFile("other");

        // an end of another file, or a failed end, is refused before anything changes
        for (WriteChunkEnd bad : List.of(new WriteChunkEnd(0, other, 0, chunk.chunkId(), 4096, Status.OK),
                new WriteChunkEnd(0, inode, 0, chunk.chunkId(), 4096, Status.EIO))) {
            EntryReply refused = client.call(id -> new PublishWritten(publishT(id, dir, 905), List.of(bad)),
                    EntryReply.class);
            assertThat(refused.status()).isEqualTo(Status.EINVAL);
            assertThat(client.call(id -> new Lookup(id, ROOT, 1, "obj"), EntryReply.class).status())
                    .isEqualTo(Status.ENOENT);
            assertThat(client.call(id -> new Lookup(id, ROOT, dir, "t"), EntryReply.class).attr().length()).isZero();
        }

        EntryReply published = client.call(id -> new PublishWritten(publishT(id, dir, 906),
                List.of(new WriteChunkEnd(0, inode, 0, chunk.chunkId(), 4096, Status.OK))), EntryReply.class);
        assertThat(published.status()).isEqualTo(Status.OK);
        assertThat(published.attr().inode()).isEqualTo(inode);
        assertThat(published.attr().length()).isEqualTo(4096);
        assertThat(client.call(id -> new Lookup(id, ROOT, 1, "obj"), EntryReply.class).attr().inode()).isEqualTo(inode);
        assertThat(read(inode).chunkId()).isEqualTo(chunk.chunkId());
        // the end released the chunk's lock: the next writer gets a new version at once
        a.chunks().put(chunk.chunkId(), chunk.version());
        b.chunks().put(chunk.chunkId(), chunk.version());
        WriteChunkReply next = client.call(id -> new WriteChunk(id, ROOT, inode, 0), WriteChunkReply.class);
        assertThat(next.version()).isEqualTo(chunk.version() + 1);
    }

    @Test
    void outsideAScratchDirectoryTheCreateOpensNoChunk() throws Exception {
        ScratchCreatedReply made = client.call(id -> new ScratchCreateWrite(new CreateOpen(id, ROOT, 1, "plain", 0644,
                907)), ScratchCreatedReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(made.created()).isFalse();
        assertThat(made.chunk().status()).isEqualTo(Status.ENOTSUP);
        assertThat(read(made.attr().inode()).chunkId()).isZero();
    }

    @Test
    void aScratchChunkItsChainNeverCreatedIsMadeAnewOnTheNextOpenNotFailed() throws Exception {
        long scratch = scratchFile();
        NewChunkReply first = client.call(id -> new ScratchOpenChunk(new WriteChunk(id, ROOT, scratch, 0)),
                NewChunkReply.class);
        // the session failed before any server created the chunk (its head was down, say)
        client.call(id -> new WriteChunkEnd(id, scratch, 0, first.reply().chunkId(), 0, Status.DISCONNECTED),
                AttrReply.class);
        NewChunkReply again = client.call(id -> new ScratchOpenChunk(new WriteChunk(id, ROOT, scratch, 0)),
                NewChunkReply.class);
        assertThat(again.reply().status()).isEqualTo(Status.OK);
        assertThat(again.reply().chunkId()).isNotEqualTo(first.reply().chunkId());
        assertThat(endWrite(scratch, again.reply(), 4096).attr().length()).isEqualTo(4096);
        assertThat(read(scratch).chunkId()).isEqualTo(again.reply().chunkId());

        // once a byte of it was acknowledged the chunk is never replaced: a version bump or an error
        a.chunks().put(again.reply().chunkId(), again.reply().version());
        WriteChunkReply bumped = client.call(id -> new ScratchOpenChunk(new WriteChunk(id, ROOT, scratch, 0)),
                WriteChunkReply.class);
        assertThat(bumped.chunkId()).isEqualTo(again.reply().chunkId());
        assertThat(bumped.version()).isEqualTo(again.reply().version() + 1);
    }

    @Test
    void aNewChunkPastTheFilesEndIsLeftToItsChainAndOneInsideTheFileIsMadeByTheMaster() throws Exception {
        long plain = newFile("past-end");
        NewChunkReply fresh = client.call(id -> new WriteChunk(id, ROOT, plain, 0), NewChunkReply.class);
        assertThat(fresh.reply().status()).isEqualTo(Status.OK);
        assertThat(fresh.reply().chain()).containsExactly(a.dataAddress(), b.dataAddress());
        assertThat(a.pendingOrders()).as("no server was asked to create it").isEmpty();
        assertThat(a.chunks()).doesNotContainKey(fresh.reply().chunkId());
        assertThat(endWrite(plain, fresh.reply(), 4096).attr().length()).isEqualTo(4096);
        assertThat(read(plain).locations()).as("the chain's copies are known")
                .containsExactlyInAnyOrder(a.dataAddress(), b.dataAddress());

        // a hole inside the file (its length set past the chunk) is made by the master before it answers
        long holed = newFile("hole");
        client.call(id -> new SetAttr(id, ROOT, holed, SetAttrMask.LENGTH, 0, 0, 0, 0, 0, 1 << 20), AttrReply.class);
        WriteChunkReply made = client.call(id -> new WriteChunk(id, ROOT, holed, 0), WriteChunkReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(a.chunks()).containsEntry(made.chunkId(), 1);
        assertThat(b.chunks()).containsEntry(made.chunkId(), 1);
    }

    @Test
    void aScratchFilesNewChunkIsLeftToItsChainToCreateAndAnOrdinaryFilesIsMadeByTheMaster() throws Exception {
        long scratch = scratchFile();

        NewChunkReply fresh = client.call(id -> new ScratchOpenChunk(new WriteChunk(id, ROOT, scratch, 0)),
                NewChunkReply.class);
        assertThat(fresh.reply().status()).isEqualTo(Status.OK);
        assertThat(fresh.reply().version()).isEqualTo(1);
        assertThat(fresh.reply().chain()).containsExactly(a.dataAddress(), b.dataAddress());
        assertThat(a.pendingOrders()).as("no server was asked to create it").isEmpty();
        assertThat(b.pendingOrders()).isEmpty();
        assertThat(a.chunks()).doesNotContainKey(fresh.reply().chunkId());
        assertThat(endWrite(scratch, fresh.reply(), 4096).attr().length()).isEqualTo(4096);
        assertThat(read(scratch).locations()).as("the chain's copies are known")
                .containsExactlyInAnyOrder(a.dataAddress(), b.dataAddress());

        // outside a scratch directory the call is an ordinary WriteChunk: the master creates a chunk inside
        // the file's length (here all of them: a scratch open names no past-the-end rule)
        long plain = newFile("plain");
        WriteChunkReply made = client.call(id -> new ScratchOpenChunk(new WriteChunk(id, ROOT, plain, 0)),
                WriteChunkReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(a.chunks()).containsEntry(made.chunkId(), 1);
        assertThat(b.chunks()).containsEntry(made.chunkId(), 1);
    }

    @Test
    void truncatingCutsTheChunkTheNewEndFallsInAndDropsTheRest() throws Exception {
        long inode = newFile("t");
        WriteChunkReply w = openWrite(inode);
        endWrite(inode, w, 5000);

        AttrReply cut = client.call(id -> new SetAttr(id, ROOT, inode, SetAttrMask.LENGTH, 0, 0, 0, 0, 0, 100),
                AttrReply.class);
        assertThat(cut.status()).isEqualTo(Status.OK);
        assertThat(cut.attr().length()).isEqualTo(100);
        for (FakeChunkServer f : List.of(a, b)) {
            TruncateChunk t = f.awaitOrder(TruncateChunk.class, o -> o.chunkId() == w.chunkId());
            assertThat(t.oldVersion()).isEqualTo(1);
            assertThat(t.newVersion()).isEqualTo(2);
            assertThat(t.length()).isEqualTo(100);
        }
        assertThat(read(inode).version()).isEqualTo(2);

        client.call(id -> new SetAttr(id, ROOT, inode, SetAttrMask.LENGTH, 0, 0, 0, 0, 0, 0), AttrReply.class);
        for (FakeChunkServer f : List.of(a, b)) {
            assertThat(f.awaitOrder(DeleteChunk.class, o -> o.chunkId() == w.chunkId()).version()).isZero();
        }
        assertThat(read(inode).chunkId()).isZero();
    }

    @Test
    void aSecondWriterWaitsUntilTheFirstEndsItsWrite() throws Exception {
        long inode = newFile("w");
        WriteChunkReply first = openWrite(inode);
        CompletableFuture<WriteChunkReply> second = client.async(id -> new WriteChunk(id, ROOT, inode, 0),
                WriteChunkReply.class);
        // the second request was handled before this ping: it can only be waiting for the lock
        assertThat(client.call(Ping::new, StatusReply.class).status()).isEqualTo(Status.OK);
        assertThat(second).isNotDone();

        endWrite(inode, first, 10);
        WriteChunkReply next = second.get(20, TimeUnit.SECONDS);
        assertThat(next.status()).isEqualTo(Status.OK);
        assertThat(next.chunkId()).isEqualTo(first.chunkId());
        assertThat(next.version()).isEqualTo(first.version() + 1);
    }

    @Test
    void aWriteLockTimesOutWhenItsWriterNeverEnds() throws Exception {
        long inode = newFile("l");
        WriteChunkReply first = openWrite(inode);
        CompletableFuture<WriteChunkReply> second = client.async(id -> new WriteChunk(id, ROOT, inode, 0),
                WriteChunkReply.class);
        client.call(Ping::new, StatusReply.class);
        assertThat(second).isNotDone();
        clock.advance(Duration.ofSeconds(31));
        assertThat(second.get(20, TimeUnit.SECONDS).version()).isEqualTo(first.version() + 1);
    }

    @Test
    void aWaitingWriterIsToldTheChunkIsBusyRatherThanKeptPastTheWaitLimit() throws Exception {
        long inode = newFile("busy");
        openWrite(inode);
        CompletableFuture<WriteChunkReply> second = client.async(id -> new WriteChunk(id, ROOT, inode, 0),
                WriteChunkReply.class);
        client.call(Ping::new, StatusReply.class);
        clock.advance(Duration.ofSeconds(4));
        assertThat(second.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.CHUNK_BUSY);
    }

    @Test
    void aCopyOfAChunkNobodyKnowsIsDeleted() throws Exception {
        FakeChunkServer d = new FakeChunkServer(4, group, master.chunkserverPort(), GIB, 100 * GIB);
        fakes.add(d);
        d.chunks().put(0xABCDL, 3);
        d.connect();
        assertThat(d.awaitOrder(DeleteChunk.class, o -> o.chunkId() == 0xABCDL).version()).isZero();
        assertThat(d.chunks()).isEmpty();
    }

    @Test
    void withoutChunkserversAWriteFailsAndStatFsIsEmpty() throws Exception {
        StatFsReply full = client.call(StatFs::new, StatFsReply.class);
        assertThat(full.totalBytes()).isEqualTo(300 * GIB);
        assertThat(full.usedBytes()).isEqualTo(90 * GIB);
        assertThat(full.availBytes()).isEqualTo(210 * GIB);

        long inode = newFile("n");
        fakes.forEach(FakeChunkServer::disconnect);
        awaitConnected(0);
        WriteChunkReply w = client.call(id -> new WriteChunk(id, ROOT, inode, 0), WriteChunkReply.class);
        assertThat(w.status()).isEqualTo(Status.NO_CHUNKSERVERS);
        assertThat(client.call(StatFs::new, StatFsReply.class).totalBytes()).isZero();
    }

    @Test
    void sessionsAreOpenedResumedAndCounted() throws Exception {
        RegisterSessionReply s = client.call(id -> new RegisterSession(id, 0, "test mount", "/"),
                RegisterSessionReply.class);
        assertThat(s.status()).isEqualTo(Status.OK);
        assertThat(s.sessionId()).isNotZero();
        assertThat(s.rootInode()).isEqualTo(1);
        try (TestClient again = TestClient.connect(group, master.clientPort())) {
            RegisterSessionReply resumed = again.call(id -> new RegisterSession(id, s.sessionId(), "test mount", ""),
                    RegisterSessionReply.class);
            assertThat(resumed.sessionId()).isEqualTo(s.sessionId());
        }
        assertThat(client.call(ClusterStatus::new, ClusterStatusReply.class).sessions()).isEqualTo(1);
        RegisterSessionReply missing = client.call(id -> new RegisterSession(id, 0, "x", "/no/such/dir"),
                RegisterSessionReply.class);
        assertThat(missing.status()).isEqualTo(Status.ENOENT);
    }

    @Test
    void errorsAreRepliedAndKeepTheConnection() throws Exception {
        EntryReply e = client.call(id -> new Lookup(id, ROOT, 1, "absent"), EntryReply.class);
        assertThat(e.status()).isEqualTo(Status.ENOENT);
        assertThat(e.attr()).isNull();
        ReadChunkReply r = client.call(id -> new ReadChunk(id, 1, 0), ReadChunkReply.class);
        assertThat(r.status()).isNotEqualTo(Status.OK);
        assertThat(client.call(Ping::new, StatusReply.class).status()).isEqualTo(Status.OK);
    }

    @Test
    void malformedFramesCloseOnlyTheConnectionThatSentThem() throws Exception {
        Map<String, byte[]> bad = Map.of(
                "bad length", frame(1025, 0xFFFF_FFFF, new byte[0]),
                "unknown type", frame(9999, 4, new byte[4]),
                "truncated payload", frame(1002, 8, new byte[8])); // Lookup with half its creds
        for (var e : bad.entrySet()) {
            try (Socket s = new Socket("127.0.0.1", master.clientPort())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(e.getValue());
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                assertThat(readToEnd(in)).as(e.getKey()).isEqualTo(-1);
            }
            assertThat(client.call(Ping::new, StatusReply.class).status()).as(e.getKey()).isEqualTo(Status.OK);
        }
        assertThat(client.isActive()).isTrue();
    }

    private static byte[] frame(int type, int length, byte[] payload) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(type);
        out.writeInt(length);
        out.write(payload);
        return bytes.toByteArray();
    }

    /** Reads until the master closes the connection; a reset counts as closed too. */
    private static int readToEnd(InputStream in) {
        try {
            int b;
            do {
                b = in.read();
            } while (b != -1);
            return -1;
        } catch (java.net.SocketException reset) {
            return -1;
        } catch (java.io.IOException timeout) {
            return 0;
        }
    }
}
