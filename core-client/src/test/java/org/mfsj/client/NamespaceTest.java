package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mfsj.client.fake.FakeCluster;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;

/** Namespace calls map to master requests, and the master's status comes back as the exception's. */
class NamespaceTest {
    private static final Creds ME = new Creds(1000, 1000, new int[0]);

    private FakeCluster cluster;
    private MfsClient client;
    private long root;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new FakeCluster(2);
        client = cluster.client();
        root = client.rootInode();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private static void assertStatus(ThrowingCallable call, Status expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(expected));
    }

    @Test
    @Timeout(60)
    void aCallOnAClosedClientFailsAtOnce() throws Exception {
        client.create(ME, root, "a", 0640);
        client.close();
        // it used to wait for a link that a closed client never makes again, spinning a core
        assertStatus(() -> client.getattr(root), Status.EBADF);
        assertStatus(() -> client.lookup(ME, root, "a"), Status.EBADF);
    }

    @Test
    void createLookupAndUnlink() throws Exception {
        Attr f = client.create(ME, root, "a", 0640);
        assertThat(f.type()).isEqualTo(FileType.FILE);
        assertThat(client.lookup(ME, root, "a").inode()).isEqualTo(f.inode());
        assertStatus(() -> client.create(ME, root, "a", 0640), Status.EEXIST);
        client.unlink(ME, root, "a");
        assertStatus(() -> client.lookup(ME, root, "a"), Status.ENOENT);
        assertStatus(() -> client.unlink(ME, root, "a"), Status.ENOENT);
    }

    @Test
    void resolveWalksFromTheRootWithDotsHandledLocally() throws Exception {
        Attr d = client.mkdir(ME, root, "d", 0755);
        Attr f = client.create(ME, d.inode(), "f", 0644);
        assertThat(client.resolve(ME, "/d/f").inode()).isEqualTo(f.inode());
        assertThat(client.resolve(ME, "//d/./../d/f/").inode()).isEqualTo(f.inode());
        assertThat(client.resolve(ME, "/").inode()).isEqualTo(root);
        assertThat(client.resolve(ME, "/../..").inode()).isEqualTo(root);
        assertStatus(() -> client.resolve(ME, "/d/nope"), Status.ENOENT);
        assertStatus(() -> client.resolve(ME, "d/f"), Status.EINVAL);
    }

    @Test
    void readdirPagesWithCookies() throws Exception {
        for (int i = 0; i < 10; i++) {
            client.create(ME, root, "f" + i, 0644);
        }
        List<String> names = new ArrayList<>();
        long cookie = 0;
        int pages = 0;
        while (true) {
            DirPage page = client.readdir(ME, root, cookie, 3, true);
            pages++;
            for (DirEntry e : page.entries()) {
                names.add(e.name());
                assertThat(e.attr()).isNotNull();
                cookie = e.cookie();
            }
            if (page.eof()) {
                break;
            }
        }
        assertThat(names).hasSize(10).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void handlesRefuseWhatTheyWereNotOpenedFor() throws Exception {
        Attr d = client.mkdir(ME, root, "d", 0755);
        assertStatus(() -> client.open(ME, d.inode(), false), Status.EISDIR);
        long f = client.create(ME, root, "f", 0644).inode();
        FileHandle ro = client.open(ME, f, false);
        assertStatus(() -> ro.write(0, new byte[1], 0, 1), Status.EBADF);
        ro.close();
        assertStatus(() -> ro.read(0, new byte[1], 0, 1), Status.EBADF);
    }

    @Test
    void aHandleKeepsTheAttributesItWasOpenedWith() throws Exception {
        Attr f = client.create(ME, root, "described", 0640);
        try (FileHandle h = client.open(ME, f.inode(), true)) {
            long calls = client.metrics().masterCalls();
            Attr opened = h.openedAttr();
            assertThat(opened.inode()).isEqualTo(f.inode());
            assertThat(opened.mode()).isEqualTo(f.mode());
            assertThat(client.metrics().masterCalls()).as("described without asking the master").isEqualTo(calls);
        }
    }

    @Test
    void everyOpenIsReleasedAtTheMasterWhenItsHandleCloses() throws Exception {
        long f = client.create(ME, root, "counted", 0644).inode();
        FileHandle one = client.open(ME, f, false);
        FileHandle two = client.open(ME, f, true);
        assertThat(cluster.master.opensOf(f)).isEqualTo(2);
        one.close();
        two.close();
        one.close();
        // the release goes out in the background: a close never waits for the master
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (cluster.master.opensOf(f) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(cluster.master.opensOf(f)).isZero();
    }

    /**
     * Closes queue their releases, which go in one message ahead of the next request, in the same
     * write: the master has them before it serves that request, and no release costs a round trip.
     */
    @Test
    void releasesGoInOneMessageAheadOfTheNextRequest() throws Exception {
        long f = client.create(ME, root, "batched", 0644).inode();
        List<FileHandle> handles = List.of(client.open(ME, f, false), client.open(ME, f, true),
                client.open(ME, f, false));
        assertThat(cluster.master.opensOf(f)).isEqualTo(3);
        long before = client.metrics().masterCallsByType().getOrDefault("ReleaseMany", 0L);
        for (FileHandle h : handles) {
            h.close();
        }
        client.statfs();
        // no waiting: the releases reached the master before the statfs it answered
        assertThat(cluster.master.opensOf(f)).isZero();
        Map<String, Long> calls = client.metrics().masterCallsByType();
        assertThat(calls).doesNotContainKey("Release");
        // one message for the three (two or three only if the machine stalled this thread past the wait for a request)
        assertThat(calls.get("ReleaseMany") - before).isBetween(1L, 3L);
    }

    @Test
    void xattrsStatfsAndFileInfo() throws Exception {
        long f = client.create(ME, root, "f", 0644).inode();
        client.setxattr(ME, f, "user.a", new byte[] {1, 2}, 0);
        assertStatus(() -> client.setxattr(ME, f, "user.a", new byte[] {3}, 1), Status.EEXIST);
        assertThat(client.getxattr(ME, f, "user.a")).containsExactly(1, 2);
        assertThat(client.listxattr(ME, f)).containsExactly("user.a");
        client.removexattr(ME, f, "user.a");
        assertStatus(() -> client.getxattr(ME, f, "user.a"), Status.ENODATA);
        assertThat(client.statfs()).isEqualTo(new FsStat(1000, 600, 400, 2));

        try (FileHandle h = client.open(ME, f, true)) {
            h.write(0, new byte[10], 0, 10);
            // fileInfo flushes first, so the chunk just written is listed
            assertThat(client.fileInfo(f)).hasSize(1).allSatisfy(c -> assertThat(c.validCopies()).isEqualTo(2));
        }
    }

    @Test
    void unsupportedRequestsSurfaceTheMastersStatus() {
        // the fake master knows no symlinks: a bare status reply must come back as that status
        assertStatus(() -> client.symlink(ME, root, "l", "/x"), Status.ENOTSUP);
        assertStatus(() -> client.readlink(root), Status.ENOTSUP);
    }

    @Test
    void aFailedBackgroundWriteIsReportedOnFlushAndClose() throws Exception {
        long f = client.create(ME, root, "f", 0644).inode();
        cluster.master.failWriteChunksWith(Status.ENOSPC);
        FileHandle h = client.open(ME, f, true);
        h.write(0, new byte[1000], 0, 1000);
        assertStatus(h::flush, Status.ENOSPC);
        // reported once; the handle still works once the cause is gone
        cluster.master.failWriteChunksWith(null);
        h.write(0, new byte[] {7}, 0, 1);
        h.close();
        assertThat(client.getattr(f).length()).isEqualTo(1);
    }
}
