package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.master.namespace.op.NamespaceRecord;

class SnapshotTest extends NamespaceFixture {
    private final List<NamespaceRecord> log = new ArrayList<>();

    SnapshotTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    @Test
    void aFileSnapshotSharesEveryChunk() throws Exception {
        long f = file(ROOT, "f");
        ns.setChunk(f, 0, 11);
        ns.setChunk(f, 2, 12);
        ns.extendLength(f, 150_000_000L);
        assertThat(ns.snapshot(SU, f, ROOT, "copy")).isEqualTo(1);
        Attr copy = ns.lookup(SU, ROOT, "copy");
        assertThat(copy.inode()).isNotEqualTo(f);
        assertThat(copy.length()).isEqualTo(150_000_000L);
        assertThat(ns.chunks(copy.inode())).containsExactly(11, 0, 12);
        assertThat(listener.all).containsExactly("ref 11", "ref 12");
        ns.unlink(SU, ROOT, "f");
        assertThat(listener.unreferenced).containsExactly(11L, 12L);
        assertThat(ns.chunks(copy.inode())).containsExactly(11, 0, 12);
    }

    @Test
    void aTreeSnapshotCopiesEveryKindOfNode() throws Exception {
        long src = dir(ROOT, "src");
        long sub = dir(src, "sub");
        long f = file(sub, "f");
        ns.setChunk(f, 0, 21);
        ns.symlink(SU, src, "ln", "sub/f");
        ns.setxattr(SU, f, "user.k", "v".getBytes(StandardCharsets.UTF_8), 0);
        ns.setTrashTime(SU, f, 77, false);
        long dst = dir(ROOT, "dst");
        assertThat(ns.snapshot(SU, src, dst, "snap")).isEqualTo(4);
        long snap = ns.lookup(SU, dst, "snap").inode();
        long f2 = ns.lookup(SU, ns.lookup(SU, snap, "sub").inode(), "f").inode();
        assertThat(ns.readlink(ns.lookup(SU, snap, "ln").inode())).isEqualTo("sub/f");
        assertThat(ns.getxattr(SU, f2, "user.k")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        assertThat(ns.getTrashTime(f2)).isEqualTo(77);
        assertThat(ns.chunks(f2)).containsExactly(21);
        assertThat(attr(snap).nlink()).isEqualTo(attr(src).nlink());
        assertThat(attr(dst).nlink()).isEqualTo(3);
    }

    @Test
    void badSnapshotsAreRefusedAndChangeNothing() throws Exception {
        long src = dir(ROOT, "src");
        long inner = dir(src, "inner");
        file(ROOT, "taken");
        int before = log.size();
        assertStatus(Status.EINVAL, () -> ns.snapshot(SU, src, inner, "loop"));
        assertStatus(Status.EINVAL, () -> ns.snapshot(SU, src, src, "loop"));
        assertStatus(Status.EEXIST, () -> ns.snapshot(SU, src, ROOT, "taken"));
        assertStatus(Status.ENOENT, () -> ns.snapshot(SU, 999, ROOT, "x"));
        long secret = ns.mknod(SU, ROOT, "secret", org.mfsj.common.types.FileType.FILE, 0600, 0).inode();
        before = log.size();
        assertStatus(Status.EACCES, () -> ns.snapshot(BOB, secret, ROOT, "x"));
        assertThat(log).hasSize(before);
    }

    @Test
    void replayMakesTheSameCopiesWithTheSameNumbers() throws Exception {
        long src = dir(ROOT, "src");
        long f = file(src, "f");
        ns.setChunk(f, 0, 31);
        ns.snapshot(SU, src, ROOT, "s1");
        ns.snapshot(SU, f, src, "f2");
        Namespace copy = new Namespace(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        RecordingListener copyListener = new RecordingListener();
        copy.setChunkListener(copyListener);
        log.forEach(copy::replay);
        long s1 = ns.lookup(SU, ROOT, "s1").inode();
        assertThat(copy.lookup(SU, ROOT, "s1")).isEqualTo(ns.lookup(SU, ROOT, "s1"));
        assertThat(copy.lookup(SU, s1, "f")).isEqualTo(ns.lookup(SU, s1, "f"));
        assertThat(copy.lookup(SU, src, "f2")).isEqualTo(ns.lookup(SU, src, "f2"));
        assertThat(copyListener.all).isEqualTo(listener.all).contains("ref 31");
    }
}
