package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.op.LinkOp;

class HardLinkTest extends NamespaceFixture {

    @Test
    void linkAddsANameAndCountsIt() throws Exception {
        long d = dir(ROOT, "d");
        long f = file(ROOT, "f");
        tick();
        assertThat(ns.link(SU, f, d, "g").nlink()).isEqualTo(2);
        assertThat(ns.lookup(SU, d, "g").inode()).isEqualTo(f);
        assertThat(attr(f).nlink()).isEqualTo(2);
        assertThat(attr(f).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(attr(d).mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void theInodeLivesUntilItsLastName() throws Exception {
        long f = file(ROOT, "f");
        ns.setChunk(f, 0, 7);
        ns.link(SU, f, ROOT, "g");
        ns.unlink(SU, ROOT, "f");
        assertThat(attr(f).nlink()).isEqualTo(1);
        assertThat(ns.lookup(SU, ROOT, "g").inode()).isEqualTo(f);
        assertThat(listener.unreferenced).isEmpty();
        ns.unlink(SU, ROOT, "g");
        assertStatus(Status.ENOENT, () -> ns.getattr(f));
        assertThat(listener.unreferenced).containsExactly(7L);
    }

    @Test
    void linkErrors() throws Exception {
        long d = dir(ROOT, "d");
        long f = file(ROOT, "f");
        long ro = dirOf(ALICE, ROOT, "ro", 0555);
        assertStatus(Status.EPERM, () -> ns.link(SU, d, ROOT, "d2"));
        assertStatus(Status.EEXIST, () -> ns.link(SU, f, ROOT, "d"));
        assertStatus(Status.EACCES, () -> ns.link(ALICE, f, ro, "f"));
        assertStatus(Status.ENOENT, () -> ns.link(SU, 999, ROOT, "x"));
        assertStatus(Status.ENOTDIR, () -> ns.link(SU, f, f, "x"));
        assertStatus(Status.EEXIST, () -> ns.link(SU, f, ROOT, "."));
    }

    @Test
    void symlinksAndSpecialFilesCanBeLinked() throws Exception {
        long l = ns.symlink(SU, ROOT, "l", "target").inode();
        long p = ns.mknod(SU, ROOT, "p", FileType.FIFO, 0600, 0).inode();
        assertThat(ns.link(SU, l, ROOT, "l2").nlink()).isEqualTo(2);
        assertThat(ns.link(SU, p, ROOT, "p2").nlink()).isEqualTo(2);
        assertThat(ns.readlink(ns.lookup(SU, ROOT, "l2").inode())).isEqualTo("target");
    }

    @Test
    void tooManyLinks() throws Exception {
        long d = dir(ROOT, "d");
        long f = file(d, "f");
        for (int i = 1; i < LinkOp.MAX_LINKS; i++) {
            ns.link(SU, f, d, "l" + i);
        }
        assertThat(attr(f).nlink()).isEqualTo(LinkOp.MAX_LINKS);
        assertStatus(Status.EMLINK, () -> ns.link(SU, f, d, "one-too-many"));
    }
}
