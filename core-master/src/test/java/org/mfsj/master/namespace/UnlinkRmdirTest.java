package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;

class UnlinkRmdirTest extends NamespaceFixture {

    @Test
    void unlinkRemovesTheNameAndTheInode() throws Exception {
        long d = dir(ROOT, "d");
        long f = file(d, "f");
        tick();
        ns.unlink(SU, d, "f");
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, d, "f"));
        assertStatus(Status.ENOENT, () -> ns.getattr(f));
        assertThat(attr(d).mtimeNanos()).isEqualTo(clock.nanos());
        assertThat(attr(d).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.stats().files()).isZero();
    }

    @Test
    void unlinkErrors() throws Exception {
        long d = dir(ROOT, "d");
        long ro = dirOf(ALICE, ROOT, "ro", 0555);
        fileOf(ALICE, ro, "f", 0644);
        assertStatus(Status.EISDIR, () -> ns.unlink(SU, ROOT, "d"));
        assertStatus(Status.EISDIR, () -> ns.unlink(SU, d, "."));
        assertStatus(Status.EISDIR, () -> ns.unlink(SU, d, ".."));
        assertStatus(Status.ENOENT, () -> ns.unlink(SU, d, "missing"));
        assertStatus(Status.ENOENT, () -> ns.unlink(SU, 999, "x"));
        assertStatus(Status.EACCES, () -> ns.unlink(ALICE, ro, "f"));
        assertThat(ns.lookup(ALICE, ro, "f")).isNotNull();
    }

    @Test
    void stickyDirectoryLetsOnlyOwnersUnlink() throws Exception {
        long tmp = dirOf(ALICE, ROOT, "tmp", 01777);
        fileOf(CAROL, tmp, "carols", 0666);
        fileOf(CAROL, tmp, "carols2", 0666);
        fileOf(CAROL, tmp, "carols3", 0666);
        fileOf(BOB, tmp, "bobs", 0666);
        assertStatus(Status.EPERM, () -> ns.unlink(BOB, tmp, "carols"));
        ns.unlink(CAROL, tmp, "carols");
        ns.unlink(ALICE, tmp, "carols2");
        ns.unlink(SU, tmp, "carols3");
        ns.unlink(BOB, tmp, "bobs");
        assertThat(ns.readdir(SU, tmp, 0, 10, false).entries()).isEmpty();
    }

    @Test
    void rmdirRemovesAnEmptyDirectoryAndFixesTheParentLinkCount() throws Exception {
        long d = dir(ROOT, "d");
        long sub = dir(d, "sub");
        assertThat(attr(d).nlink()).isEqualTo(3);
        tick();
        ns.rmdir(SU, d, "sub");
        assertThat(attr(d).nlink()).isEqualTo(2);
        assertThat(attr(d).mtimeNanos()).isEqualTo(clock.nanos());
        assertStatus(Status.ENOENT, () -> ns.getattr(sub));
        assertThat(ns.stats().directories()).isEqualTo(2);
    }

    @Test
    void rmdirErrors() throws Exception {
        long d = dir(ROOT, "d");
        file(d, "f");
        dir(d, "full");
        file(ns.lookup(SU, d, "full").inode(), "x");
        long empty = dir(d, "empty");
        assertStatus(Status.ENOTDIR, () -> ns.rmdir(SU, d, "f"));
        assertStatus(Status.ENOTEMPTY, () -> ns.rmdir(SU, d, "full"));
        assertStatus(Status.ENOTEMPTY, () -> ns.rmdir(SU, ROOT, "d"));
        assertStatus(Status.EINVAL, () -> ns.rmdir(SU, empty, "."));
        assertStatus(Status.ENOTEMPTY, () -> ns.rmdir(SU, empty, ".."));
        assertStatus(Status.ENOENT, () -> ns.rmdir(SU, d, "missing"));
        assertStatus(Status.EACCES, () -> ns.rmdir(ALICE, d, "empty"));
        assertStatus(Status.ENOTDIR, () -> ns.rmdir(SU, ns.lookup(SU, d, "f").inode(), "x"));
        assertThat(attr(empty).type()).isNotNull();
    }

    @Test
    void stickyDirectoryProtectsOthersDirectories() throws Exception {
        long tmp = dirOf(SU, ROOT, "tmp", 01777);
        dirOf(CAROL, tmp, "carols", 0777);
        assertStatus(Status.EPERM, () -> ns.rmdir(BOB, tmp, "carols"));
        ns.rmdir(CAROL, tmp, "carols");
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, tmp, "carols"));
    }

    @Test
    void aRemovedDirectoryCannotBeUsed() throws Exception {
        long d = dir(ROOT, "d");
        ns.rmdir(SU, ROOT, "d");
        assertStatus(Status.ENOENT, () -> ns.mkdir(SU, d, "x", 0755));
        assertStatus(Status.ENOENT, () -> ns.readdir(SU, d, 0, 10, false));
    }
}
