package org.mfsj.client.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mfsj.client.DirPage;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;

class InMemoryMfsClientTest {
    private static final Creds ME = new Creds(1000, 100, new int[0]);
    private final MfsClient fs = new InMemoryMfsClient(Clock.fixed(Instant.ofEpochSecond(7), ZoneOffset.UTC));
    private final long root = fs.rootInode();

    private static void assertStatus(ThrowingCallable call, Status expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(expected));
    }

    @Test
    void filesHoldWhatWasWrittenAndTruncateZeroes() throws Exception {
        Attr f = fs.create(ME, root, "f", 0644);
        assertThat(f.uid()).isEqualTo(1000);
        assertThat(f.mtimeNanos()).isEqualTo(7_000_000_000L);
        try (FileHandle h = fs.open(ME, f.inode(), true)) {
            h.write(3, new byte[] {1, 2, 3}, 0, 3);
            byte[] got = new byte[10];
            assertThat(h.read(0, got, 0, 10)).isEqualTo(6);
            assertThat(got).startsWith(0, 0, 0, 1, 2, 3);
            fs.setattr(ME, f.inode(), SetAttrRequest.truncate(4));
            fs.setattr(ME, f.inode(), SetAttrRequest.truncate(6));
            assertThat(h.read(0, got, 0, 10)).isEqualTo(6);
            assertThat(got).startsWith(0, 0, 0, 1, 0, 0);
            assertThat(h.read(6, got, 0, 1)).isEqualTo(-1);
        }
    }

    /** As the master: doors list "." and ".." as cookies 1 and 2 and look them up by name. */
    @Test
    void dotNamesAndCookiesFollowTheMaster() throws Exception {
        long d = fs.mkdir(ME, root, "d", 0755).inode();
        fs.create(ME, d, "f", 0644);
        assertThat(fs.lookup(ME, d, ".").inode()).isEqualTo(d);
        assertThat(fs.lookup(ME, d, "..").inode()).isEqualTo(root);
        assertThat(fs.lookup(ME, root, "..").inode()).isEqualTo(root);
        assertThat(fs.readdir(ME, d, 0, 10, false).entries()).singleElement()
                .satisfies(e -> assertThat(e.cookie()).isGreaterThan(2));
    }

    @Test
    void renameReplacesAndRefusesWhatPosixRefuses() throws Exception {
        long d = fs.mkdir(ME, root, "d", 0755).inode();
        long e = fs.mkdir(ME, d, "e", 0755).inode();
        fs.create(ME, root, "a", 0644);
        long b = fs.create(ME, root, "b", 0644).inode();
        fs.rename(ME, root, "b", root, "a");
        assertThat(fs.lookup(ME, root, "a").inode()).isEqualTo(b);
        assertStatus(() -> fs.lookup(ME, root, "b"), Status.ENOENT);
        assertStatus(() -> fs.rename(ME, root, "d", e, "x"), Status.EINVAL);
        assertStatus(() -> fs.rename(ME, root, "a", root, "d"), Status.EISDIR);
        assertStatus(() -> fs.rmdir(ME, root, "d"), Status.ENOTEMPTY);
        assertStatus(() -> fs.unlink(ME, root, "d"), Status.EISDIR);
        fs.rename(ME, d, "e", root, "e");
        assertThat(fs.resolve(ME, "/e/../d").inode()).isEqualTo(d);
        fs.rmdir(ME, root, "d");
    }

    @Test
    void cookiesSurviveRemovalOfOtherEntries() throws Exception {
        for (int i = 0; i < 5; i++) {
            fs.create(ME, root, "f" + i, 0644);
        }
        DirPage first = fs.readdir(ME, root, 0, 2, false);
        assertThat(first.entries()).extracting(DirEntry::name).containsExactly("f0", "f1");
        fs.unlink(ME, root, "f1");
        fs.unlink(ME, root, "f2");
        DirPage rest = fs.readdir(ME, root, first.entries().get(1).cookie(), 10, true);
        assertThat(rest.entries()).extracting(DirEntry::name).containsExactly("f3", "f4");
        assertThat(rest.eof()).isTrue();
    }

    @Test
    void linksSymlinksAndXattrs() throws Exception {
        long f = fs.create(ME, root, "f", 0644).inode();
        assertThat(fs.link(ME, f, root, "g").nlink()).isEqualTo(2);
        fs.unlink(ME, root, "f");
        assertThat(fs.getattr(f).nlink()).isEqualTo(1);
        long l = fs.symlink(ME, root, "l", "/g").inode();
        assertThat(fs.readlink(l)).isEqualTo("/g");
        assertStatus(() -> fs.readlink(f), Status.EINVAL);
        fs.setxattr(ME, f, "user.k", new byte[] {9}, 1);
        assertStatus(() -> fs.setxattr(ME, f, "user.k", new byte[] {9}, 1), Status.EEXIST);
        assertStatus(() -> fs.setxattr(ME, f, "user.z", new byte[] {9}, 2), Status.ENODATA);
        assertThat(fs.listxattr(ME, f)).isEqualTo(List.of("user.k"));
        assertThat(fs.setGoal(ME, root, 3, true)).isEqualTo(3);
    }
}
