package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;

class RenameTest extends NamespaceFixture {

    @Test
    void renameWithinADirectoryKeepsTheInode() throws Exception {
        long f = file(ROOT, "a");
        tick();
        ns.rename(SU, ROOT, "a", ROOT, "b");
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, ROOT, "a"));
        assertThat(ns.lookup(SU, ROOT, "b").inode()).isEqualTo(f);
        assertThat(attr(f).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(attr(ROOT).mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void directoryAcrossDirectoriesMovesItsDotDotAndLinkCounts() throws Exception {
        long a = dir(ROOT, "a");
        long b = dir(ROOT, "b");
        long sub = dir(a, "sub");
        tick();
        ns.rename(SU, a, "sub", b, "moved");
        assertThat(attr(a).nlink()).isEqualTo(2);
        assertThat(attr(b).nlink()).isEqualTo(3);
        assertThat(attr(ROOT).nlink()).isEqualTo(4);
        assertThat(ns.lookup(SU, sub, "..").inode()).isEqualTo(b);
        assertThat(attr(a).mtimeNanos()).isEqualTo(clock.nanos());
        assertThat(attr(b).mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void fileOverFileReplacesAndFreesTheTarget() throws Exception {
        long src = file(ROOT, "src");
        long dst = file(ROOT, "dst");
        ns.setChunk(dst, 0, 42);
        ns.rename(SU, ROOT, "src", ROOT, "dst");
        assertThat(ns.lookup(SU, ROOT, "dst").inode()).isEqualTo(src);
        assertStatus(Status.ENOENT, () -> ns.getattr(dst));
        assertThat(listener.unreferenced).containsExactly(42L);
        assertThat(ns.stats().files()).isEqualTo(1);
    }

    @Test
    void replacingOneOfSeveralLinksKeepsTheTargetInode() throws Exception {
        file(ROOT, "src");
        long dst = file(ROOT, "dst");
        ns.link(SU, dst, ROOT, "other");
        ns.rename(SU, ROOT, "src", ROOT, "dst");
        assertThat(attr(dst).nlink()).isEqualTo(1);
        assertThat(ns.lookup(SU, ROOT, "other").inode()).isEqualTo(dst);
    }

    @Test
    void directoryOverEmptyDirectory() throws Exception {
        long a = dir(ROOT, "a");
        long b = dir(ROOT, "b");
        long src = dir(a, "src");
        long target = dir(b, "target");
        ns.rename(SU, a, "src", b, "target");
        assertThat(ns.lookup(SU, b, "target").inode()).isEqualTo(src);
        assertStatus(Status.ENOENT, () -> ns.getattr(target));
        assertThat(attr(a).nlink()).isEqualTo(2);
        assertThat(attr(b).nlink()).isEqualTo(3);
        assertThat(ns.stats().directories()).isEqualTo(4);
    }

    @Test
    void replaceMismatchesAreRefused() throws Exception {
        dir(ROOT, "dir");
        long full = dir(ROOT, "full");
        file(full, "x");
        file(ROOT, "file");
        assertStatus(Status.ENOTEMPTY, () -> ns.rename(SU, ROOT, "dir", ROOT, "full"));
        assertStatus(Status.EISDIR, () -> ns.rename(SU, ROOT, "file", ROOT, "dir"));
        assertStatus(Status.ENOTDIR, () -> ns.rename(SU, ROOT, "dir", ROOT, "file"));
        assertThat(ns.readdir(SU, ROOT, 0, 10, false).entries()).hasSize(3);
    }

    @Test
    void aDirectoryCannotMoveIntoItsOwnSubtree() throws Exception {
        long a = dir(ROOT, "a");
        long b = dir(a, "b");
        long c = dir(b, "c");
        assertStatus(Status.EINVAL, () -> ns.rename(SU, ROOT, "a", c, "a"));
        assertStatus(Status.EINVAL, () -> ns.rename(SU, ROOT, "a", a, "self"));
        assertStatus(Status.EINVAL, () -> ns.rename(SU, a, "b", b, "x"));
        // onto its own ancestor: the ancestor is not empty
        assertStatus(Status.ENOTEMPTY, () -> ns.rename(SU, b, "c", ROOT, "a"));
        ns.rename(SU, a, "b", ROOT, "b");
        assertThat(ns.lookup(SU, b, "..").inode()).isEqualTo(ROOT);
    }

    @Test
    void twoNamesOfOneInodeIsASuccessfulNoOp() throws Exception {
        long f = file(ROOT, "a");
        ns.link(SU, f, ROOT, "b");
        ns.rename(SU, ROOT, "a", ROOT, "b");
        assertThat(ns.lookup(SU, ROOT, "a").inode()).isEqualTo(f);
        assertThat(ns.lookup(SU, ROOT, "b").inode()).isEqualTo(f);
        assertThat(attr(f).nlink()).isEqualTo(2);
        ns.rename(SU, ROOT, "a", ROOT, "a");
        assertThat(ns.lookup(SU, ROOT, "a").inode()).isEqualTo(f);
    }

    @Test
    void lookupAndNameErrors() throws Exception {
        long f = file(ROOT, "f");
        long d = dir(ROOT, "d");
        assertStatus(Status.ENOENT, () -> ns.rename(SU, ROOT, "missing", ROOT, "x"));
        assertStatus(Status.ENOENT, () -> ns.rename(SU, ROOT, "f", 999, "x"));
        assertStatus(Status.ENOTDIR, () -> ns.rename(SU, ROOT, "f", f, "x"));
        assertStatus(Status.EINVAL, () -> ns.rename(SU, d, ".", ROOT, "x"));
        assertStatus(Status.EINVAL, () -> ns.rename(SU, ROOT, "f", d, ".."));
        assertStatus(Status.ENAMETOOLONG, () -> ns.rename(SU, ROOT, "f", ROOT, "n".repeat(256)));
    }

    @Test
    void needsWritePermissionOnBothDirectories() throws Exception {
        long mine = dirOf(ALICE, ROOT, "mine", 0755);
        long theirs = dirOf(BOB, ROOT, "theirs", 0755);
        fileOf(ALICE, mine, "f", 0644);
        fileOf(BOB, theirs, "g", 0644);
        assertStatus(Status.EACCES, () -> ns.rename(ALICE, mine, "f", theirs, "f"));
        assertStatus(Status.EACCES, () -> ns.rename(ALICE, theirs, "g", mine, "g"));
        ns.rename(ALICE, mine, "f", mine, "f2");
    }

    @Test
    void movingADirectoryToAnotherParentNeedsWriteOnIt() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0755);
        long other = dirOf(ALICE, ROOT, "other", 0755);
        dirOf(ALICE, home, "ro", 0555);
        assertStatus(Status.EACCES, () -> ns.rename(ALICE, home, "ro", other, "ro"));
        ns.rename(ALICE, home, "ro", home, "renamed-in-place");
    }

    @Test
    void stickyRulesApplyToSourceAndTarget() throws Exception {
        long tmp = dirOf(SU, ROOT, "tmp", 01777);
        fileOf(CAROL, tmp, "carols", 0666);
        fileOf(BOB, tmp, "bobs", 0666);
        assertStatus(Status.EPERM, () -> ns.rename(BOB, tmp, "carols", tmp, "stolen"));
        assertStatus(Status.EPERM, () -> ns.rename(BOB, tmp, "bobs", tmp, "carols"));
        ns.rename(CAROL, tmp, "carols", tmp, "carols2");
        ns.rename(BOB, tmp, "bobs", tmp, "bobs2");
    }

    @Test
    void aRenamedEntryGetsANewCookieInItsNewPlace() throws Exception {
        file(ROOT, "a");
        file(ROOT, "b");
        ns.rename(SU, ROOT, "a", ROOT, "c");
        assertThat(ns.readdir(SU, ROOT, 0, 10, false).entries())
                .extracting(e -> e.name()).containsExactly("b", "c");
    }
}
