package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.op.SymlinkOp;

class SymlinkTest extends NamespaceFixture {

    @Test
    void symlinkStoresItsTargetVerbatim() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0755);
        Attr l = ns.symlink(ALICE, home, "link", "../some/\u00e9/where");
        assertThat(l.type()).isEqualTo(FileType.SYMLINK);
        assertThat(l.mode()).isEqualTo(0777);
        assertThat(l.uid()).isEqualTo(ALICE.uid());
        assertThat(l.nlink()).isEqualTo(1);
        assertThat(l.length()).isEqualTo("../some/\u00e9/where".length() + 1);
        assertThat(ns.readlink(l.inode())).isEqualTo("../some/\u00e9/where");
        assertThat(ns.lookup(ALICE, home, "link").type()).isEqualTo(FileType.SYMLINK);
    }

    @Test
    void danglingTargetsAreFine() throws Exception {
        long l = ns.symlink(SU, ROOT, "l", "/nowhere").inode();
        assertThat(ns.readlink(l)).isEqualTo("/nowhere");
    }

    @Test
    void readlinkOfANonSymlink() throws Exception {
        long f = file(ROOT, "f");
        assertStatus(Status.EINVAL, () -> ns.readlink(f));
        assertStatus(Status.EINVAL, () -> ns.readlink(ROOT));
        assertStatus(Status.ENOENT, () -> ns.readlink(999));
    }

    @Test
    void targetAndNameRules() throws Exception {
        file(ROOT, "taken");
        assertStatus(Status.ENOENT, () -> ns.symlink(SU, ROOT, "l", ""));
        assertStatus(Status.EINVAL, () -> ns.symlink(SU, ROOT, "l", "a\0b"));
        assertStatus(Status.ENAMETOOLONG, () -> ns.symlink(SU, ROOT, "l", "x".repeat(SymlinkOp.MAX_TARGET_BYTES + 1)));
        assertStatus(Status.EEXIST, () -> ns.symlink(SU, ROOT, "taken", "x"));
        assertStatus(Status.EACCES, () -> ns.symlink(BOB, ROOT, "l", "x"));
        assertThat(ns.symlink(SU, ROOT, "l", "x".repeat(SymlinkOp.MAX_TARGET_BYTES)).length())
                .isEqualTo(SymlinkOp.MAX_TARGET_BYTES);
    }

    @Test
    void unlinkingASymlinkLeavesItsTargetAlone() throws Exception {
        long f = file(ROOT, "f");
        ns.symlink(SU, ROOT, "l", "f");
        ns.unlink(SU, ROOT, "l");
        assertThat(attr(f).nlink()).isEqualTo(1);
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, ROOT, "l"));
    }
}
