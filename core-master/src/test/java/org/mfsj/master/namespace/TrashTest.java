package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.TrashItem;
import org.mfsj.master.namespace.op.NamespaceRecord;

class TrashTest extends NamespaceFixture {
    private final List<NamespaceRecord> log = new ArrayList<>();

    TrashTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    @Test
    void newInodesInheritTheirParentsTrashTime() throws Exception {
        assertThat(ns.getTrashTime(ROOT)).isZero();
        assertThat(ns.setTrashTime(SU, ROOT, 3600, false)).isEqualTo(1);
        long a = dir(ROOT, "a");
        long f = file(a, "f");
        assertThat(ns.getTrashTime(a)).isEqualTo(3600);
        assertThat(ns.getTrashTime(f)).isEqualTo(3600);
        ns.setTrashTime(SU, a, 0, false);
        assertThat(ns.getTrashTime(file(a, "g"))).isZero();
        assertThat(ns.getTrashTime(f)).isEqualTo(3600);
    }

    @Test
    void recursiveSetTouchesOnlyOwnNodesForNonRoot() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0777);
        fileOf(ALICE, home, "mine", 0644);
        fileOf(BOB, home, "bobs", 0644);
        assertThat(ns.setTrashTime(ALICE, home, 60, true)).isEqualTo(2);
        assertThat(ns.getTrashTime(ns.lookup(SU, home, "bobs").inode())).isZero();
        assertStatus(Status.EPERM, () -> ns.setTrashTime(BOB, home, 60, false));
        assertStatus(Status.EINVAL, () -> ns.setTrashTime(SU, home, -1, false));
        assertStatus(Status.EINVAL, () -> ns.setTrashTime(SU, home, 1L << 31, false));
    }

    @Test
    void anUnlinkedFileWithTrashTimeKeepsItsChunksUntilPurged() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long b = dir(dir(ROOT, "a"), "b");
        long f = file(b, "f");
        ns.setChunk(f, 0, 7);
        ns.extendLength(f, 100);
        tick();
        ns.unlink(SU, b, "f");
        assertThat(listener.unreferenced).isEmpty();
        assertThat(ns.trash()).containsExactly(new TrashItem(f, "/a/b/f", clock.instant().getEpochSecond() * 1_000_000_000L, 100));
        assertThat(attr(f).nlink()).isZero();
        assertStatus(Status.ENOENT, () -> ns.lookup(SU, b, "f"));
        ns.purge(SU, f);
        assertThat(listener.unreferenced).containsExactly(7L);
        assertThat(ns.trash()).isEmpty();
        assertStatus(Status.ENOENT, () -> attr(f));
        assertStatus(Status.ENOENT, () -> ns.purge(SU, f));
    }

    @Test
    void zeroTrashTimeFreesAtOnceAndRmdirIsImmediate() throws Exception {
        long f = file(ROOT, "f");
        ns.setChunk(f, 0, 9);
        ns.unlink(SU, ROOT, "f");
        assertThat(listener.unreferenced).containsExactly(9L);
        ns.setTrashTime(SU, ROOT, 60, false);
        dir(ROOT, "d");
        ns.rmdir(SU, ROOT, "d");
        assertThat(ns.trash()).isEmpty();
    }

    @Test
    void aFileReplacedByRenameGoesToTrashToo() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long old = file(ROOT, "old");
        file(ROOT, "new");
        ns.rename(SU, ROOT, "new", ROOT, "old");
        assertThat(ns.trash()).extracting(TrashItem::inode, TrashItem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(old, "/old"));
    }

    @Test
    void restoreGoesBackToTheOldPathMakingMissingDirectories() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long a = dir(ROOT, "a");
        long b = dir(a, "b");
        long f = file(b, "f");
        ns.unlink(SU, b, "f");
        ns.rmdir(SU, a, "b");
        ns.rmdir(SU, ROOT, "a");
        assertThat(ns.restore(SU, f).nlink()).isEqualTo(1);
        long a2 = ns.lookup(SU, ROOT, "a").inode();
        long b2 = ns.lookup(SU, a2, "b").inode();
        assertThat(ns.lookup(SU, b2, "f").inode()).isEqualTo(f);
        assertThat(attr(b2).mode()).isEqualTo(0755);
        assertThat(ns.trash()).isEmpty();
        assertStatus(Status.ENOENT, () -> ns.restore(SU, f));
    }

    @Test
    void restoreRefusesATakenNameAndAFileInThePath() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long a = dir(ROOT, "a");
        long f = file(a, "f");
        ns.unlink(SU, a, "f");
        long other = file(a, "f");
        assertStatus(Status.EEXIST, () -> ns.restore(SU, f));
        ns.unlink(SU, a, "f");
        ns.rmdir(SU, ROOT, "a");
        file(ROOT, "a");
        assertStatus(Status.ENOTDIR, () -> ns.restore(SU, f));
        assertThat(ns.trash()).extracting(TrashItem::inode).containsExactly(f, other);
    }

    @Test
    void onlyTheOwnerOrRootMayRestoreOrPurge() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long home = dirOf(ALICE, ROOT, "home", 0777);
        long f = fileOf(ALICE, home, "f", 0644);
        ns.unlink(ALICE, home, "f");
        assertStatus(Status.EPERM, () -> ns.purge(BOB, f));
        assertStatus(Status.EPERM, () -> ns.restore(BOB, f));
        ns.restore(ALICE, f);
        assertThat(ns.lookup(ALICE, home, "f").inode()).isEqualTo(f);
    }

    @Test
    void purgeExpiredFreesOnlyWhatIsDue() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long f = file(ROOT, "f");
        long g = file(ROOT, "g");
        ns.setTrashTime(SU, g, 600, false);
        ns.unlink(SU, ROOT, "f");
        ns.unlink(SU, ROOT, "g");
        clock.advance(Duration.ofSeconds(59));
        assertThat(ns.purgeExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ns.purgeExpired()).isEqualTo(1);
        assertThat(ns.trash()).extracting(TrashItem::inode).containsExactly(g);
        assertStatus(Status.ENOENT, () -> attr(f));
    }

    @Test
    void purgeExpiredFollowsTrashTimesChangedInTrash() throws Exception {
        long[] fg = twoInTrashQueued();
        long f = fg[0];
        long g = fg[1];
        // after the purge loop has queued both: one is due sooner, the other later
        ns.setTrashTime(SU, f, 10, false);
        ns.setTrashTime(SU, g, 600, false);
        clock.advance(Duration.ofSeconds(10));
        assertThat(ns.purgeExpired()).isEqualTo(1);
        assertStatus(Status.ENOENT, () -> attr(f));
        clock.advance(Duration.ofSeconds(50));
        assertThat(ns.purgeExpired()).isZero();
        clock.advance(Duration.ofSeconds(540));
        assertThat(ns.purgeExpired()).isEqualTo(1);
        assertThat(ns.trash()).isEmpty();
    }

    @Test
    void purgeExpiredCountsAFileRestoredAndTrashedAgainFromItsLastDeletion() throws Exception {
        long[] fg = twoInTrashQueued();
        long f = fg[0];
        long g = fg[1];
        clock.advance(Duration.ofSeconds(30));
        ns.restore(SU, f);
        ns.unlink(SU, ROOT, "f");
        ns.purge(SU, g);
        clock.advance(Duration.ofSeconds(30));
        assertThat(ns.purgeExpired()).isZero();
        assertThat(ns.trash()).extracting(TrashItem::inode).containsExactly(f);
        clock.advance(Duration.ofSeconds(30));
        assertThat(ns.purgeExpired()).isEqualTo(1);
        assertThat(ns.trash()).isEmpty();
    }

    /** Files f and g in trash for 60 s, both queued by the purge loop already. */
    private long[] twoInTrashQueued() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long f = file(ROOT, "f");
        long g = file(ROOT, "g");
        ns.unlink(SU, ROOT, "f");
        ns.unlink(SU, ROOT, "g");
        assertThat(ns.purgeExpired()).isZero();
        return new long[] {f, g};
    }

    @Test
    void replayRebuildsTheSameTrashAndTrashTimes() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long a = dir(ROOT, "a");
        long f = file(a, "f");
        ns.setChunk(f, 0, 5);
        long g = file(a, "g");
        ns.unlink(SU, a, "f");
        ns.unlink(SU, a, "g");
        ns.rmdir(SU, ROOT, "a");
        ns.restore(SU, f);
        ns.purge(SU, g);
        clock.advance(Duration.ofSeconds(61));
        file(ROOT, "h");
        ns.unlink(SU, ROOT, "h");
        Namespace copy = new Namespace(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        RecordingListener copyListener = new RecordingListener();
        copy.setChunkListener(copyListener);
        log.forEach(copy::replay);
        assertThat(copy.trash()).isEqualTo(ns.trash());
        assertThat(copy.getattr(f)).isEqualTo(ns.getattr(f));
        long a2 = ns.lookup(SU, ROOT, "a").inode();
        assertThat(copy.getattr(a2)).isEqualTo(ns.getattr(a2));
        assertThat(copy.getTrashTime(a2)).isEqualTo(60);
        assertThat(copyListener.all).isEqualTo(listener.all);
        assertThat(log).extracting(r -> r.getClass().getSimpleName()).contains("SetTrashTimeRecord",
                "RestoreTrashRecord", "PurgeTrashRecord");
    }
}
