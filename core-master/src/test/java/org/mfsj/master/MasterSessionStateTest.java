package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.locks.HeldLock.TO_EOF;
import static org.mfsj.common.locks.LockFlavor.FLOCK;
import static org.mfsj.common.locks.LockFlavor.POSIX;
import static org.mfsj.common.locks.LockType.READ;
import static org.mfsj.common.locks.LockType.UNLOCK;
import static org.mfsj.common.locks.LockType.WRITE;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CheckAccess;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.ListSessions;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.Release;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.SessionsReply;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.LockCall;
import org.mfsj.common.wire.client2master.LockOp;
import org.mfsj.common.wire.client2master.LockReply;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.master.fake.LoopbackMaster;
import org.mfsj.master.fake.TestClient;
import org.mfsj.master.fake.TestClock;

/** Locks and opens held by a real master for two client sessions on raw connections. */
class MasterSessionStateTest {
    private final EventLoopGroup group = Transport.newGroup(2);
    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
    private MasterServer master;
    private TestClient a;
    private TestClient b;
    private long sessionA;
    private long file;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        MasterConfig cfg = MasterConfig.from(LoopbackMaster.config(data)
                .with(MasterConfig.SESSION_LOCKS_TIMEOUT, 2));
        master = MasterServer.start(cfg, clock);
        a = TestClient.connect(group, master.clientPort());
        b = TestClient.connect(group, master.clientPort());
        sessionA = register(a);
        register(b);
        EntryReply e = a.call(id -> new Mknod(id, ROOT, 1, "f", FileType.FILE, 0644, 0), EntryReply.class);
        file = e.attr().inode();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        master.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static long register(TestClient c) throws Exception {
        RegisterSessionReply r = c.call(id -> new RegisterSession(id, 0, "locks test", "/"), RegisterSessionReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        return r.sessionId();
    }

    private LockReply lock(TestClient c, LockOp op, LockFlavor f, LockType t, long start, long end, long owner)
            throws Exception {
        return c.call(id -> new LockCall(id, file, op, f, t, start, end, owner, 4242), LockReply.class);
    }

    @Test
    void twoSessionsExcludeEachOtherAndTheRefusalNamesTheHolder() throws Exception {
        assertThat(lock(a, LockOp.SET, POSIX, WRITE, 0, 99, 1).status()).isEqualTo(Status.OK);
        // the same owner number in another session is another owner
        LockReply refused = lock(b, LockOp.SET, POSIX, READ, 50, 50, 1);
        assertThat(refused.status()).isEqualTo(Status.EAGAIN);
        assertThat(refused.conflict().owner().session()).isEqualTo(sessionA);
        assertThat(refused.conflict().pid()).isEqualTo(4242);
        assertThat(lock(b, LockOp.TEST, POSIX, READ, 100, TO_EOF, 1).conflict()).isNull();
        assertThat(lock(b, LockOp.SET, POSIX, READ, 100, TO_EOF, 1).status()).isEqualTo(Status.OK);

        assertThat(lock(a, LockOp.SET, POSIX, UNLOCK, 0, 49, 1).status()).isEqualTo(Status.OK);
        assertThat(lock(b, LockOp.SET, POSIX, WRITE, 0, 49, 2).status()).isEqualTo(Status.OK);
        assertThat(lock(b, LockOp.SET, POSIX, WRITE, 50, 50, 2).status()).isEqualTo(Status.EAGAIN);
        assertThat(lock(a, LockOp.RELEASE_OWNER, POSIX, UNLOCK, 0, TO_EOF, 1).status()).isEqualTo(Status.OK);
        assertThat(lock(b, LockOp.SET, POSIX, WRITE, 50, 50, 2).status()).isEqualTo(Status.OK);
    }

    @Test
    void opensAreCheckedCountedAndListedWithLocks() throws Exception {
        Creds stranger = new Creds(1000, 1000, new int[0]);
        a.call(id -> new SetAttr(id, ROOT, file, SetAttrMask.MODE, 0640, 0, 0, 0L, 0L, 0L), AttrReply.class);
        assertThat(b.call(id -> new Open(id, stranger, file, true, false), AttrReply.class).status())
                .isEqualTo(Status.EACCES);
        assertThat(b.call(id -> new CheckAccess(id, stranger, file, 4), StatusReply.class).status())
                .isEqualTo(Status.EACCES);
        assertThat(b.call(id -> new CheckAccess(id, ROOT, file, 6), StatusReply.class).status()).isEqualTo(Status.OK);
        assertThat(b.call(id -> new Open(id, ROOT, 1, true, false), AttrReply.class).status())
                .isEqualTo(Status.EISDIR);

        AttrReply opened = a.call(id -> new Open(id, ROOT, file, true, true), AttrReply.class);
        assertThat(opened.attr().inode()).isEqualTo(file);
        a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        lock(a, LockOp.SET, POSIX, WRITE, 0, 0, 1);
        assertThat(session(sessionA)).satisfies(s -> {
            assertThat(s.openFiles()).isEqualTo(1);
            assertThat(s.locks()).isEqualTo(1);
            assertThat(s.connected()).isTrue();
            assertThat(s.clientInfo()).isEqualTo("locks test");
        });
        a.call(id -> new Release(id, file, 0), StatusReply.class);
        assertThat(session(sessionA).openFiles()).as("opened twice, released once").isEqualTo(1);
        a.call(id -> new Release(id, file, 0), StatusReply.class);
        a.call(id -> new Release(id, file, 0), StatusReply.class);
        assertThat(session(sessionA).openFiles()).isZero();
    }

    @Test
    void oneReleaseManyEndsAsManyOpensAsItListsEntries() throws Exception {
        for (int i = 0; i < 3; i++) {
            a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        }
        assertThat(a.call(id -> new ReleaseMany(id, List.of(file, file), 0), StatusReply.class).status())
                .isEqualTo(Status.OK);
        assertThat(session(sessionA).openFiles()).as("opened three times, released twice").isEqualTo(1);
        a.call(id -> new ReleaseMany(id, List.of(file), 0), StatusReply.class);
        assertThat(session(sessionA).openFiles()).isZero();
    }

    /**
     * A release batch whose answer was lost comes again with its request id: after the file was
     * opened again meanwhile, a second release would end that new open.
     */
    @Test
    void aReleaseBatchSentAgainWithItsRequestIdEndsItsOpensOnce() throws Exception {
        a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        a.call(id -> new ReleaseMany(id, List.of(file), 77), StatusReply.class);
        a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        assertThat(a.call(id -> new ReleaseMany(id, List.of(file), 77), StatusReply.class).status())
                .as("the retry is answered as the first time").isEqualTo(Status.OK);
        assertThat(session(sessionA).openFiles()).as("the open made since is still counted").isEqualTo(1);
        a.call(id -> new ReleaseMany(id, List.of(file), 78), StatusReply.class);
        assertThat(session(sessionA).openFiles()).as("a new batch releases").isZero();
    }

    /** The same for the release of one open, sent again with its request id after a lost answer. */
    @Test
    void aReleaseSentAgainWithItsRequestIdEndsItsOpenOnce() throws Exception {
        a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        a.call(id -> new Release(id, file, 87), StatusReply.class);
        a.call(id -> new Open(id, ROOT, file, true, false), AttrReply.class);
        assertThat(a.call(id -> new Release(id, file, 87), StatusReply.class).status())
                .as("the retry is answered as the first time").isEqualTo(Status.OK);
        assertThat(session(sessionA).openFiles()).as("the open made since is still counted").isEqualTo(1);
        a.call(id -> new Release(id, file, 88), StatusReply.class);
        assertThat(session(sessionA).openFiles()).as("a new release ends it").isZero();
    }

    private SessionReport session(long id) throws Exception {
        return b.call(ListSessions::new, SessionsReply.class).sessions().stream()
                .filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Test
    void flockIsWholeFileAndApartFromPosixLocks() throws Exception {
        assertThat(lock(a, LockOp.SET, POSIX, WRITE, 0, TO_EOF, 1).status()).isEqualTo(Status.OK);
        assertThat(lock(b, LockOp.SET, FLOCK, WRITE, 0, 0, 1).status()).isEqualTo(Status.OK);
        assertThat(lock(a, LockOp.SET, FLOCK, READ, 0, 0, 1).status()).isEqualTo(Status.EAGAIN);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        LockReply noFile = a.call(id -> new LockCall(id, 999_999, LockOp.SET, POSIX, WRITE, 0, 1, 1, 1),
                LockReply.class);
        assertThat(noFile.status()).isEqualTo(Status.ENOENT);
        assertThat(lock(a, LockOp.SET, POSIX, WRITE, 10, 5, 1).status()).isEqualTo(Status.EINVAL);
        try (TestClient noSession = TestClient.connect(group, master.clientPort())) {
            assertThat(lock(noSession, LockOp.SET, POSIX, WRITE, 0, 1, 1).status()).isEqualTo(Status.EINVAL);
        }
        assertThat(lock(b, LockOp.SET, POSIX, WRITE, 0, TO_EOF, 1).status()).isEqualTo(Status.OK);
    }

    @Test
    void aClientGoneLongerThanTheLocksTimeoutLosesItsLocks() throws Exception {
        assertThat(lock(a, LockOp.SET, POSIX, WRITE, 0, TO_EOF, 1).status()).isEqualTo(Status.OK);
        a.close();
        // gone, but not for long: its lock holds
        assertThat(lock(b, LockOp.SET, POSIX, WRITE, 0, 0, 1).status()).isEqualTo(Status.EAGAIN);
        // the master sees the connection go on its own time: move the clock on at every try
        LockReply granted = b.until(id -> {
            clock.advance(Duration.ofMillis(500));
            return new LockCall(id, file, LockOp.SET, POSIX, WRITE, 0, 0, 1, 1);
        }, LockReply.class, r -> r.status() == Status.OK);
        assertThat(granted.conflict()).isNull();
    }
}
