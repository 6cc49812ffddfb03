package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;

class SetAttrTest extends NamespaceFixture {
    private long home;
    private long f;

    @BeforeEach
    void aliceOwnsAFile() throws Exception {
        home = dirOf(ALICE, ROOT, "home", 0755);
        f = fileOf(ALICE, home, "f", 0644);
        tick();
    }

    @Test
    void ownerMayChmodAndCtimeMovesButNotMtime() throws Exception {
        long mtime = attr(f).mtimeNanos();
        Attr a = ns.setattr(ALICE, f, SetAttr.mode(0600));
        assertThat(a.mode()).isEqualTo(0600);
        assertThat(a.ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(a.mtimeNanos()).isEqualTo(mtime);
        assertThat(ns.setattr(ALICE, f, SetAttr.mode(0177777)).mode()).isEqualTo(07777);
    }

    @Test
    void aChownOrChmodToWhatTheInodeHasLogsNothingButIsStillChecked() throws Exception {
        java.util.List<Object> log = new java.util.ArrayList<>();
        ns.setRecordSink((r, result) -> log.add(r));
        long ctime = attr(f).ctimeNanos();
        tick();
        Attr a = ns.setattr(SU, f, SetAttr.owner(ALICE.uid(), ALICE.gid()));
        assertThat(ns.setattr(ALICE, f, SetAttr.mode(0644))).isEqualTo(a);
        assertThat(a.uid()).isEqualTo(ALICE.uid());
        assertThat(a.ctimeNanos()).isEqualTo(ctime);
        assertThat(log).as("no change, no record").isEmpty();
        assertStatus(Status.EPERM, () -> ns.setattr(BOB, f, SetAttr.mode(0644)));
        assertStatus(Status.EPERM, () -> ns.setattr(BOB, f, SetAttr.uid(ALICE.uid())));

        ns.setattr(ALICE, f, SetAttr.mode(0640));
        ns.setattr(ALICE, f, SetAttr.times(clock.nanos(), clock.nanos()));
        assertThat(log).as("a real change, and any time set, is logged").hasSize(2);
        assertThat(attr(f).mode()).isEqualTo(0640);
    }

    @Test
    void othersMayNotChmodButRootMay() throws Exception {
        assertStatus(Status.EPERM, () -> ns.setattr(BOB, f, SetAttr.mode(0777)));
        assertStatus(Status.EPERM, () -> ns.setattr(CAROL, f, SetAttr.mode(0777)));
        assertThat(attr(f).mode()).isEqualTo(0644);
        assertThat(ns.setattr(SU, f, SetAttr.mode(0777)).mode()).isEqualTo(0777);
    }

    @Test
    void setgidIsDroppedWhenTheOwnerIsNotInTheFilesGroup() throws Exception {
        ns.setattr(SU, f, SetAttr.gid(999));
        assertThat(ns.setattr(ALICE, f, SetAttr.mode(02755)).mode()).isEqualTo(0755);
        ns.setattr(SU, f, SetAttr.gid(200));
        assertThat(ns.setattr(ALICE, f, SetAttr.mode(02755)).mode()).isEqualTo(02755);
    }

    @Test
    void onlyRootGivesFilesAway() throws Exception {
        assertStatus(Status.EPERM, () -> ns.setattr(ALICE, f, SetAttr.uid(BOB.uid())));
        assertStatus(Status.EPERM, () -> ns.setattr(BOB, f, SetAttr.uid(BOB.uid())));
        assertThat(ns.setattr(ALICE, f, SetAttr.uid(ALICE.uid())).uid()).isEqualTo(ALICE.uid());
        assertThat(ns.setattr(SU, f, SetAttr.uid(BOB.uid())).uid()).isEqualTo(BOB.uid());
    }

    @Test
    void ownerMayChangeTheGroupToOneOfHisGroups() throws Exception {
        assertThat(ns.setattr(ALICE, f, SetAttr.gid(200)).gid()).isEqualTo(200);
        assertThat(ns.setattr(ALICE, f, SetAttr.gid(100)).gid()).isEqualTo(100);
        assertStatus(Status.EPERM, () -> ns.setattr(ALICE, f, SetAttr.gid(101)));
        assertStatus(Status.EPERM, () -> ns.setattr(CAROL, f, SetAttr.gid(100)));
        assertThat(ns.setattr(SU, f, SetAttr.gid(101)).gid()).isEqualTo(101);
    }

    @Test
    void nonRootChownClearsSetuidAndExecutableSetgid() throws Exception {
        ns.setattr(SU, f, SetAttr.mode(06755));
        assertThat(ns.setattr(ALICE, f, SetAttr.gid(200)).mode()).isEqualTo(0755);
        ns.setattr(SU, f, SetAttr.mode(06745));
        // setgid without group execute marks mandatory locking and stays
        assertThat(ns.setattr(ALICE, f, SetAttr.gid(100)).mode()).isEqualTo(02745);
        ns.setattr(SU, f, SetAttr.mode(06755));
        assertThat(ns.setattr(SU, f, SetAttr.gid(300)).mode()).isEqualTo(06755);
    }

    @Test
    void chownOfADirectoryKeepsItsSetgid() throws Exception {
        long d = dirOf(ALICE, home, "d", 02775);
        assertThat(ns.setattr(ALICE, d, SetAttr.gid(200)).mode()).isEqualTo(02775);
    }

    @Test
    void explicitTimesNeedOwnership() throws Exception {
        ns.setattr(SU, f, SetAttr.mode(0666));
        Attr a = ns.setattr(ALICE, f, SetAttr.times(111, 222));
        assertThat(a.atimeNanos()).isEqualTo(111);
        assertThat(a.mtimeNanos()).isEqualTo(222);
        assertThat(a.ctimeNanos()).isEqualTo(clock.nanos());
        assertStatus(Status.EPERM, () -> ns.setattr(BOB, f, SetAttr.times(1, 2)));
        assertThat(ns.setattr(SU, f, SetAttr.times(5, 6)).mtimeNanos()).isEqualTo(6);
    }

    @Test
    void touchingToNowNeedsOwnershipOrWritePermission() throws Exception {
        assertStatus(Status.EACCES, () -> ns.setattr(BOB, f, SetAttr.timesNow()));
        ns.setattr(SU, f, SetAttr.mode(0666));
        tick();
        Attr a = ns.setattr(BOB, f, SetAttr.timesNow());
        assertThat(a.atimeNanos()).isEqualTo(clock.nanos());
        assertThat(a.mtimeNanos()).isEqualTo(clock.nanos());
        ns.setattr(SU, f, SetAttr.mode(0444));
        assertThat(ns.setattr(ALICE, f, SetAttr.timesNow()).mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void nowWinsOverAnExplicitTime() throws Exception {
        int mask = SetAttr.MTIME | SetAttr.MTIME_NOW;
        Attr a = ns.setattr(ALICE, f, new SetAttr(mask, 0, 0, 0, 0, 77, 0));
        assertThat(a.mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void lengthRules() throws Exception {
        long l = ns.symlink(SU, home, "l", "f").inode();
        assertStatus(Status.EISDIR, () -> ns.setattr(SU, home, SetAttr.length(0)));
        assertStatus(Status.EINVAL, () -> ns.setattr(SU, l, SetAttr.length(0)));
        assertStatus(Status.EACCES, () -> ns.setattr(BOB, f, SetAttr.length(10)));
        Attr a = ns.setattr(ALICE, f, SetAttr.length(10));
        assertThat(a.length()).isEqualTo(10);
        assertThat(a.mtimeNanos()).isEqualTo(clock.nanos());
    }

    @Test
    void nothingChangesWhenAnyPartIsRefused() throws Exception {
        SetAttr both = new SetAttr(SetAttr.MODE | SetAttr.UID, 0600, BOB.uid(), 0, 0, 0, 0);
        assertStatus(Status.EPERM, () -> ns.setattr(ALICE, f, both));
        SetAttr modeAndLength = new SetAttr(SetAttr.MODE | SetAttr.LENGTH, 0600, 0, 0, 0, 0, -1);
        assertStatus(Status.EINVAL, () -> ns.setattr(ALICE, f, modeAndLength));
        assertThat(attr(f).mode()).isEqualTo(0644);
        assertThat(attr(f).uid()).isEqualTo(ALICE.uid());
    }

    @Test
    void anEmptyMaskChangesNothing() throws Exception {
        Attr before = attr(f);
        assertThat(ns.setattr(BOB, f, new SetAttr(0, 0, 0, 0, 0, 0, 0))).isEqualTo(before);
    }

    @Test
    void unknownInode() {
        assertStatus(Status.ENOENT, () -> ns.setattr(SU, 999, SetAttr.mode(0)));
    }
}
