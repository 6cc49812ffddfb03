package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;

class LookupMkdirMknodTest extends NamespaceFixture {

    @Test
    void rootIsADirectoryOwnedByRoot() throws Exception {
        Attr root = attr(ROOT);
        assertThat(root.inode()).isEqualTo(1);
        assertThat(root.type()).isEqualTo(FileType.DIRECTORY);
        assertThat(root.mode()).isEqualTo(0755);
        assertThat(root.uid()).isZero();
        assertThat(root.gid()).isZero();
        assertThat(root.nlink()).isEqualTo(2);
        assertThat(root.goal()).isEqualTo(1);
        assertThat(root.generation()).isEqualTo(1);
        assertThat(root.ctimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void defaultGoalIsTheRootsGoalAndIsInherited() throws Exception {
        Namespace three = new Namespace(clock, 3);
        assertThat(three.getattr(ROOT).goal()).isEqualTo(3);
        assertThat(three.mkdir(SU, ROOT, "d", 0755).goal()).isEqualTo(3);
    }

    @Test
    void mkdirTakesOwnerFromCredsAndTimesFromClock() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0755);
        tick();
        Attr d = ns.mkdir(ALICE, home, "docs", 0750);
        assertThat(d.type()).isEqualTo(FileType.DIRECTORY);
        assertThat(d.uid()).isEqualTo(ALICE.uid());
        assertThat(d.gid()).isEqualTo(ALICE.gid());
        assertThat(d.mode()).isEqualTo(0750);
        assertThat(d.nlink()).isEqualTo(2);
        assertThat(d.atimeNanos()).isEqualTo(clock.nanos());
        assertThat(d.mtimeNanos()).isEqualTo(clock.nanos());
        assertThat(d.ctimeNanos()).isEqualTo(clock.nanos());
        Attr parent = attr(home);
        assertThat(parent.nlink()).isEqualTo(3);
        assertThat(parent.mtimeNanos()).isEqualTo(clock.nanos());
        assertThat(parent.ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.lookup(ALICE, home, "docs")).isEqualTo(d);
    }

    @Test
    void timesKeepTheClocksNanoseconds() throws Exception {
        clock.advance(java.time.Duration.ofSeconds(3).plusNanos(123_456_789));
        Attr d = ns.mkdir(SU, ROOT, "d", 0755);
        assertThat(d.mtimeNanos()).isEqualTo(1_767_225_603_123_456_789L);
    }

    @Test
    void mkdirDropsSetIdBitsButKeepsSticky() throws Exception {
        assertThat(ns.mkdir(SU, ROOT, "d", 07777).mode()).isEqualTo(01777);
    }

    @Test
    void setgidParentPassesItsGroupAndSetgidToSubdirectories() throws Exception {
        long shared = dirOf(ALICE, ROOT, "shared", 02777);
        ns.setattr(SU, shared, SetAttr.gid(555));
        Attr sub = ns.mkdir(BOB, shared, "sub", 0755);
        assertThat(sub.gid()).isEqualTo(555);
        assertThat(sub.mode()).isEqualTo(02755);
        Attr f = ns.mknod(BOB, shared, "f", FileType.FILE, 0644, 0);
        assertThat(f.gid()).isEqualTo(555);
        assertThat(f.mode()).isEqualTo(0644);
        long bobs = dirOf(BOB, ROOT, "bob", 0755);
        Attr plain = ns.mkdir(BOB, bobs, "x", 0755);
        assertThat(plain.gid()).isEqualTo(BOB.gid());
    }

    @Test
    void inodeNumbersIncreaseAndAreNeverReused() throws Exception {
        long a = file(ROOT, "a");
        ns.unlink(SU, ROOT, "a");
        long b = file(ROOT, "b");
        long c = dir(ROOT, "c");
        assertThat(a).isEqualTo(2);
        assertThat(b).isGreaterThan(a);
        assertThat(c).isGreaterThan(b);
    }

    @Test
    void dotAndDotDot() throws Exception {
        long a = dir(ROOT, "a");
        long b = dir(a, "b");
        assertThat(ns.lookup(SU, b, ".").inode()).isEqualTo(b);
        assertThat(ns.lookup(SU, b, "..").inode()).isEqualTo(a);
        assertThat(ns.lookup(SU, a, "..").inode()).isEqualTo(ROOT);
        assertThat(ns.lookup(SU, ROOT, "..").inode()).isEqualTo(ROOT);
    }

    @Test
    void lookupErrors() throws Exception {
        long f = file(ROOT, "f");
        long secret = dirOf(ALICE, ROOT, "secret", 0700);
        file(secret, "x");
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, ROOT, "missing"));
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, 999, "x"));
        assertStatus(Status.ENOTDIR, () -> ns.lookup(SU, f, "x"));
        assertStatus(Status.EACCES, () -> ns.lookup(BOB, secret, "x"));
        assertStatus(Status.EACCES, () -> ns.lookup(BOB, secret, "."));
        assertStatus(Status.EINVAL, () -> ns.lookup(SU, ROOT, "a/b"));
        assertThat(ns.lookup(ALICE, secret, "x").type()).isEqualTo(FileType.FILE);
    }

    @Test
    void searchWithoutReadIsEnoughForLookup() throws Exception {
        long d = dirOf(ALICE, ROOT, "d", 0711);
        file(d, "x");
        assertThat(ns.lookup(BOB, d, "x").type()).isEqualTo(FileType.FILE);
    }

    @Test
    void nameRules() throws Exception {
        assertStatus(Status.EINVAL, () -> ns.mkdir(SU, ROOT, "", 0755));
        assertStatus(Status.EINVAL, () -> ns.mkdir(SU, ROOT, "a/b", 0755));
        assertStatus(Status.EINVAL, () -> ns.mkdir(SU, ROOT, "a\0b", 0755));
        assertStatus(Status.EEXIST, () -> ns.mkdir(SU, ROOT, ".", 0755));
        assertStatus(Status.EEXIST, () -> ns.mknod(SU, ROOT, "..", FileType.FILE, 0644, 0));
        assertStatus(Status.ENAMETOOLONG, () -> ns.mkdir(SU, ROOT, "x".repeat(256), 0755));
        assertStatus(Status.ENAMETOOLONG, () -> ns.mkdir(SU, ROOT, "\u00e9".repeat(128), 0755));
        assertThat(ns.mkdir(SU, ROOT, "x".repeat(255), 0755).type()).isEqualTo(FileType.DIRECTORY);
        assertThat(ns.mkdir(SU, ROOT, "\u20ac".repeat(85), 0755).type()).isEqualTo(FileType.DIRECTORY);
    }

    @Test
    void mkdirErrors() throws Exception {
        long f = file(ROOT, "f");
        long ro = dirOf(ALICE, ROOT, "ro", 0555);
        dir(ro, "exists");
        assertStatus(Status.EEXIST, () -> ns.mkdir(SU, ROOT, "f", 0755));
        assertStatus(Status.ENOENT, () -> ns.mkdir(SU, 999, "x", 0755));
        assertStatus(Status.ENOTDIR, () -> ns.mkdir(SU, f, "x", 0755));
        assertStatus(Status.EACCES, () -> ns.mkdir(ALICE, ro, "x", 0755));
        assertStatus(Status.EACCES, () -> ns.mkdir(BOB, ROOT, "x", 0755));
        // the name being taken is reported before the missing write permission
        assertStatus(Status.EEXIST, () -> ns.mkdir(ALICE, ro, "exists", 0755));
    }

    @Test
    void mknodMakesFilesFifosAndDevices() throws Exception {
        Attr f = ns.mknod(SU, ROOT, "f", FileType.FILE, 0640, 77);
        assertThat(f.type()).isEqualTo(FileType.FILE);
        assertThat(f.length()).isZero();
        assertThat(f.nlink()).isEqualTo(1);
        assertThat(f.mode()).isEqualTo(0640);
        assertThat(f.rdev()).isZero();
        Attr fifo = ns.mknod(SU, ROOT, "p", FileType.FIFO, 0600, 77);
        assertThat(fifo.type()).isEqualTo(FileType.FIFO);
        assertThat(fifo.rdev()).isZero();
        Attr dev = ns.mknod(SU, ROOT, "c", FileType.CHAR_DEVICE, 0600, 0x0103);
        assertThat(dev.rdev()).isEqualTo(0x0103);
        assertThat(ns.mknod(SU, ROOT, "s", FileType.SOCKET, 0777, 0).type()).isEqualTo(FileType.SOCKET);
        assertStatus(Status.EINVAL, () -> ns.mknod(SU, ROOT, "d", FileType.DIRECTORY, 0755, 0));
        assertStatus(Status.EINVAL, () -> ns.mknod(SU, ROOT, "l", FileType.SYMLINK, 0777, 0));
    }

    @Test
    void newInodesInheritTheParentsGoal() throws Exception {
        long d = dir(ROOT, "d");
        ns.setGoal(SU, d, 4, false);
        assertThat(ns.mkdir(SU, d, "sub", 0755).goal()).isEqualTo(4);
        assertThat(ns.mknod(SU, d, "f", FileType.FILE, 0644, 0).goal()).isEqualTo(4);
        assertThat(ns.mknod(SU, ROOT, "g", FileType.FILE, 0644, 0).goal()).isEqualTo(1);
    }

    @Test
    void getattrOfUnknownInode() {
        assertStatus(Status.ENOENT, () -> ns.getattr(12345));
    }

    @Test
    void statsCountInodesByKind() throws Exception {
        long d = dir(ROOT, "d");
        long f = file(d, "f");
        ns.symlink(SU, ROOT, "l", "d/f");
        ns.extendLength(f, 1000);
        assertThat(ns.stats()).isEqualTo(new NamespaceStats(4, 2, 1, 1000));
        ns.unlink(SU, d, "f");
        assertThat(ns.stats()).isEqualTo(new NamespaceStats(3, 2, 0, 0));
    }
}
