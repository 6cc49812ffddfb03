package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;

class GoalTest extends NamespaceFixture {

    @Test
    void nonRecursiveChangesOnlyTheDirectoryAndNewChildrenInheritIt() throws Exception {
        long d = dir(ROOT, "d");
        long old = file(d, "old");
        tick();
        assertThat(ns.setGoal(SU, d, 3, false)).isEqualTo(1);
        assertThat(ns.getGoal(d)).isEqualTo(3);
        assertThat(attr(d).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.getGoal(old)).isEqualTo(1);
        assertThat(ns.getGoal(file(d, "new"))).isEqualTo(3);
        assertThat(ns.getGoal(ns.mkdir(SU, d, "sub", 0755).inode())).isEqualTo(3);
    }

    @Test
    void recursiveChangesTheSubtreeAndReportsEveryChunkOfChangedFiles() throws Exception {
        long d = dir(ROOT, "d");
        long sub = dir(d, "sub");
        long a = file(d, "a");
        long b = file(sub, "b");
        ns.setChunk(a, 0, 100);
        ns.setChunk(a, 2, 102);
        ns.setChunk(b, 0, 200);
        long outside = file(ROOT, "outside");
        ns.setChunk(outside, 0, 300);
        assertThat(ns.setGoal(SU, d, 2, true)).isEqualTo(4);
        assertThat(listener.goalChanges).containsExactlyInAnyOrder("100->2", "102->2", "200->2");
        assertThat(ns.getGoal(sub)).isEqualTo(2);
        assertThat(ns.getGoal(b)).isEqualTo(2);
        assertThat(ns.getGoal(outside)).isEqualTo(1);
    }

    @Test
    void inodesAlreadyAtTheGoalAreNotCountedOrReported() throws Exception {
        long d = dir(ROOT, "d");
        long a = file(d, "a");
        ns.setChunk(a, 0, 100);
        ns.setGoal(SU, a, 2, false);
        listener.goalChanges.clear();
        assertThat(ns.setGoal(SU, d, 2, true)).isEqualTo(1);
        assertThat(listener.goalChanges).isEmpty();
        assertThat(ns.setGoal(SU, d, 2, true)).isZero();
    }

    @Test
    void aFileWithTwoLinksInTheSubtreeCountsOnce() throws Exception {
        long d = dir(ROOT, "d");
        long a = file(d, "a");
        ns.link(SU, a, d, "b");
        ns.setChunk(a, 0, 100);
        assertThat(ns.setGoal(SU, d, 5, true)).isEqualTo(2);
        assertThat(listener.goalChanges).containsExactly("100->5");
    }

    @Test
    void symlinksAndSpecialFilesAreSkipped() throws Exception {
        long d = dir(ROOT, "d");
        long l = ns.symlink(SU, d, "l", "x").inode();
        assertThat(ns.setGoal(SU, d, 4, true)).isEqualTo(1);
        assertThat(ns.getGoal(l)).isEqualTo(1);
    }

    @Test
    void nonRootChangesOnlyTheirOwnInodes() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0777);
        long mine = fileOf(ALICE, home, "mine", 0644);
        long bobs = fileOf(BOB, home, "bobs", 0644);
        ns.setChunk(bobs, 0, 500);
        assertThat(ns.setGoal(ALICE, home, 3, true)).isEqualTo(2);
        assertThat(ns.getGoal(mine)).isEqualTo(3);
        assertThat(ns.getGoal(bobs)).isEqualTo(1);
        assertThat(listener.goalChanges).isEmpty();
        assertStatus(Status.EPERM, () -> ns.setGoal(BOB, home, 3, true));
        assertStatus(Status.EPERM, () -> ns.setGoal(ALICE, bobs, 3, false));
    }

    @Test
    void goalRange() throws Exception {
        assertStatus(Status.EINVAL, () -> ns.setGoal(SU, ROOT, 0, false));
        assertStatus(Status.EINVAL, () -> ns.setGoal(SU, ROOT, 10, false));
        assertStatus(Status.ENOENT, () -> ns.setGoal(SU, 999, 2, false));
        assertStatus(Status.ENOENT, () -> ns.getGoal(999));
        assertThat(ns.setGoal(SU, ROOT, 9, false)).isEqualTo(1);
    }

    @Test
    void deepTreesDoNotOverflowTheStack() throws Exception {
        long d = ROOT;
        for (int i = 0; i < 20_000; i++) {
            d = dir(d, "d");
        }
        assertThat(ns.setGoal(SU, ROOT, 2, true)).isEqualTo(20_001);
        assertThat(ns.getGoal(d)).isEqualTo(2);
    }
}
