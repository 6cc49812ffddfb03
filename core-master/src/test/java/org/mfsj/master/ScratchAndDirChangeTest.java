package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.DirChangeReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.ListSessions;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.ReplyCounts;
import org.mfsj.common.wire.client2master.ReplyCountsReply;
import org.mfsj.common.wire.client2master.Scratch;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.SessionsReply;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WithDirAttrs;
import org.mfsj.master.fake.TestClient;

/**
 * A real master on a data directory: scratch calls are answered once applied only in a directory
 * root marked, a restart skips the inode numbers a lost early answer may have named, and changes
 * sent with their directories' attributes get them.
 */
class ScratchAndDirChangeTest {
    private static final Creds USER = new Creds(1000, 1000, new int[0]);
    private final EventLoopGroup group = Transport.newGroup(2);

    @TempDir
    Path data;

    private MasterServer master;
    private TestClient client;
    private long requests = 100;

    @BeforeEach
    void start() throws Exception {
        MasterConfig cfg = MasterConfig.from(ConfigLoader.defaults(MasterConfig.SCHEMA)
                .with(MasterConfig.DATA_PATH, data)
                .with(MasterConfig.MATOCS_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCS_LISTEN_PORT, 0)
                .with(MasterConfig.MATOCL_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCL_LISTEN_PORT, 0));
        master = MasterServer.start(cfg, Clock.systemUTC());
        client = TestClient.connect(group, master.clientPort());
        RegisterSessionReply r = client.call(id -> new RegisterSession(id, 0, "test", "/"), RegisterSessionReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
    }

    @AfterEach
    void stop() {
        client.close();
        master.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void restart() throws Exception {
        client.close();
        master.close();
        start();
    }

    private long mkdir(long parent, String name) throws Exception {
        long rq = ++requests;
        EntryReply r = client.call(id -> new Mkdir(id, ROOT, parent, name, 01777, rq), EntryReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        return r.attr().inode();
    }

    private Status mark(Creds who, long dir) throws Exception {
        long rq = ++requests;
        return client.call(id -> new SetXattr(id, who, dir, Scratch.XATTR, new byte[] {1}, 0, rq), StatusReply.class)
                .status();
    }

    private ReplyCountsReply counts() throws Exception {
        return client.call(ReplyCounts::new, ReplyCountsReply.class);
    }

    private EntryReply scratchCreate(long dir, String name) throws Exception {
        long rq = ++requests;
        return client.call(id -> new ScratchCreateOpen(new CreateOpen(id, USER, dir, name, 0644, rq)),
                EntryReply.class);
    }

    @Test
    void scratchCallsAreAnsweredOnceAppliedOnlyInADirectoryRootMarked() throws Exception {
        long plain = mkdir(1, "plain");
        long scratch = mkdir(1, "scratch");
        assertThat(mark(USER, scratch)).isEqualTo(Status.EPERM);
        assertThat(mark(ROOT, scratch)).isEqualTo(Status.OK);

        ReplyCountsReply before = counts();
        assertThat(scratchCreate(scratch, "a").status()).isEqualTo(Status.OK);
        ReplyCountsReply afterScratch = counts();
        assertThat(afterScratch.applied() - before.applied()).isEqualTo(1);
        // the counts call before it is the one durable reply in between
        assertThat(afterScratch.durable() - before.durable()).isEqualTo(1);

        assertThat(scratchCreate(plain, "b").status()).isEqualTo(Status.OK);
        long rq = ++requests;
        assertThat(client.call(id -> new CreateOpen(id, USER, scratch, "c", 0644, rq), EntryReply.class).status())
                .isEqualTo(Status.OK);
        ReplyCountsReply afterOthers = counts();
        assertThat(afterOthers.applied()).isEqualTo(afterScratch.applied());
        assertThat(afterOthers.durable() - afterScratch.durable()).isEqualTo(3);
        // a scratch file's writer sends no Release (its Publish ends it), so only the plain open counts
        assertThat(client.call(ListSessions::new, SessionsReply.class).sessions())
                .singleElement().satisfies(s -> assertThat(s.openFiles()).isEqualTo(1));
    }

    @Test
    void aRestartSkipsTheInodeNumbersALostEarlyAnswerMayHaveNamed() throws Exception {
        long scratch = mkdir(1, "scratch");
        assertThat(mark(ROOT, scratch)).isEqualTo(Status.OK);
        long early = scratchCreate(scratch, "a").attr().inode();
        restart();
        long rq = ++requests;
        EntryReply next = client.call(id -> new Mknod(id, ROOT, 1, "next", FileType.FILE, 0644, 0, rq),
                EntryReply.class);
        assertThat(next.attr().inode()).isGreaterThan(early + (1 << 20) - 1);
    }

    @Test
    void changesSentWithTheirDirectoriesGetTheDirectoriesAttributesAfterThem() throws Exception {
        long a = mkdir(1, "a");
        long b = mkdir(1, "b");
        long rq = ++requests;
        DirChangeReply made = client.call(id -> new WithDirAttrs(new Mkdir(id, ROOT, a, "sub", 0755, rq)),
                DirChangeReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(made.entry().isDirectory()).isTrue();
        assertThat(made.dir().inode()).isEqualTo(a);
        assertThat(made.dir().nlink()).isEqualTo(3);
        assertThat(made.otherDir()).isNull();
        // a retry of the same request gets its first answer, with the directory as it is now
        DirChangeReply again = client.call(id -> new WithDirAttrs(new Mkdir(id, ROOT, a, "sub", 0755, rq)),
                DirChangeReply.class);
        assertThat(again.status()).isEqualTo(Status.OK);
        assertThat(again.entry().inode()).isEqualTo(made.entry().inode());

        long rq2 = ++requests;
        DirChangeReply file = client.call(id -> new WithDirAttrs(new Mknod(id, ROOT, a, "f", FileType.FILE, 0644, 0,
                rq2)), DirChangeReply.class);
        assertThat(file.dir().mtimeNanos()).isGreaterThanOrEqualTo(made.dir().mtimeNanos());
        long rq3 = ++requests;
        DirChangeReply moved = client.call(id -> new WithDirAttrs(new Rename(id, ROOT, a, "f", b, "g", rq3)),
                DirChangeReply.class);
        assertThat(moved.status()).isEqualTo(Status.OK);
        assertThat(moved.entry()).isNull();
        assertThat(moved.dir().inode()).isEqualTo(a);
        assertThat(moved.otherDir().inode()).isEqualTo(b);
        long rq4 = ++requests;
        DirChangeReply missing = client.call(id -> new WithDirAttrs(new Unlink(id, ROOT, a, "f", rq4)),
                DirChangeReply.class);
        assertThat(missing.status()).isEqualTo(Status.ENOENT);
        assertThat(missing.dir().inode()).isEqualTo(a);
        long rq5 = ++requests;
        DirChangeReply gone = client.call(id -> new WithDirAttrs(new Unlink(id, ROOT, b, "g", rq5)),
                DirChangeReply.class);
        assertThat(gone.status()).isEqualTo(Status.OK);
        assertThat(gone.dir().mtimeNanos()).isGreaterThanOrEqualTo(moved.otherDir().mtimeNanos());
    }

    @Test
    void aCreateAndOpenSentWithItsDirectoryGetsTheDirectoryAfterIt() throws Exception {
        long a = mkdir(1, "c");
        long rq = ++requests;
        DirChangeReply made = client.call(id -> new WithDirAttrs(new CreateOpen(id, ROOT, a, "new", 0640, rq)),
                DirChangeReply.class);
        assertThat(made.status()).isEqualTo(Status.OK);
        assertThat(made.entry().isDirectory()).isFalse();
        assertThat(made.entry().mode() & 07777).isEqualTo(0640);
        assertThat(made.dir().inode()).isEqualTo(a);
        assertThat(made.changed()).isEmpty();
        long rq2 = ++requests;
        DirChangeReply taken = client.call(id -> new WithDirAttrs(new CreateOpen(id, ROOT, a, "new", 0640, rq2)),
                DirChangeReply.class);
        assertThat(taken.status()).isEqualTo(Status.EEXIST);
        assertThat(taken.entry()).isNull();
        assertThat(taken.dir().mtimeNanos()).isEqualTo(made.dir().mtimeNanos());
    }
}
