package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.ChunkGeometry.CHUNK_SIZE;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.master.namespace.tree.FileNode;

class TruncateTest extends NamespaceFixture {
    private long f;

    /** A file of three full chunks, ids 11, 12, 13. */
    @BeforeEach
    void threeChunkFile() throws Exception {
        f = fileOf(ALICE, ROOT, "f", 0644);
        ns.setChunk(f, 0, 11);
        ns.setChunk(f, 1, 12);
        ns.setChunk(f, 2, 13);
        ns.extendLength(f, 3L * CHUNK_SIZE);
        tick();
    }

    @Test
    void shrinkingIntoAChunkDropsTheRestAndNamesTheChunkToCut() throws Exception {
        TruncateResult r = ns.truncate(ALICE, f, CHUNK_SIZE + 10);
        assertThat(r.droppedChunks()).containsExactly(13L);
        assertThat(r.cutChunkId()).isEqualTo(12);
        assertThat(r.cutChunkLength()).isEqualTo(10);
        assertThat(r.attr().length()).isEqualTo(CHUNK_SIZE + 10);
        assertThat(r.attr().mtimeNanos()).isEqualTo(clock.nanos());
        assertThat(r.attr().ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.chunks(f)).containsExactly(11, 12);
        assertThat(listener.unreferenced).containsExactly(13L);
        assertThat(ns.stats().totalLength()).isEqualTo(CHUNK_SIZE + 10);
    }

    @Test
    void shrinkingToAChunkBoundaryCutsNothing() throws Exception {
        TruncateResult r = ns.truncate(ALICE, f, 2L * CHUNK_SIZE);
        assertThat(r.droppedChunks()).containsExactly(13L);
        assertThat(r.cutChunkId()).isZero();
        assertThat(r.cutChunkLength()).isZero();
        assertThat(ns.chunks(f)).containsExactly(11, 12);
    }

    @Test
    void truncatingToZeroDropsEverything() throws Exception {
        TruncateResult r = ns.truncate(ALICE, f, 0);
        assertThat(r.droppedChunks()).containsExactly(11L, 12L, 13L);
        assertThat(r.cutChunkId()).isZero();
        assertThat(ns.chunks(f)).isEmpty();
        assertThat(ns.chunkAt(f, 0)).isZero();
    }

    @Test
    void growingDropsAndCutsNothing() throws Exception {
        TruncateResult r = ns.truncate(ALICE, f, 5L * CHUNK_SIZE + 1);
        assertThat(r.droppedChunks()).isEmpty();
        assertThat(r.cutChunkId()).isZero();
        assertThat(r.attr().length()).isEqualTo(5L * CHUNK_SIZE + 1);
        assertThat(ns.chunks(f)).containsExactly(11, 12, 13);
        assertThat(listener.unreferenced).isEmpty();
    }

    @Test
    void endingInAHoleHasNothingToCut() throws Exception {
        ns.setChunk(f, 1, 0);
        TruncateResult r = ns.truncate(ALICE, f, CHUNK_SIZE + 5);
        assertThat(r.cutChunkId()).isZero();
        assertThat(r.cutChunkLength()).isZero();
        assertThat(r.droppedChunks()).containsExactly(13L);
    }

    @Test
    void setattrLengthTruncatesTheSameWay() throws Exception {
        assertThat(ns.setattr(ALICE, f, SetAttr.length(10)).length()).isEqualTo(10);
        assertThat(ns.chunks(f)).containsExactly(11);
        assertThat(listener.unreferenced).containsExactly(12L, 13L);
    }

    @Test
    void truncateErrors() throws Exception {
        long d = dir(ROOT, "d");
        long p = ns.mknod(SU, ROOT, "p", org.mfsj.common.types.FileType.FIFO, 0666, 0).inode();
        assertStatus(Status.EISDIR, () -> ns.truncate(SU, d, 0));
        assertStatus(Status.EINVAL, () -> ns.truncate(SU, p, 0));
        assertStatus(Status.EINVAL, () -> ns.truncate(ALICE, f, -1));
        assertStatus(Status.EFBIG, () -> ns.truncate(ALICE, f, FileNode.MAX_LENGTH + 1));
        assertStatus(Status.EACCES, () -> ns.truncate(BOB, f, 0));
        assertStatus(Status.ENOENT, () -> ns.truncate(SU, 999, 0));
        assertThat(ns.chunks(f)).containsExactly(11, 12, 13);
    }

    @Test
    void extendLengthOnlyGrowsButAlwaysTouches() throws Exception {
        assertThat(ns.extendLength(f, 10).length()).isEqualTo(3L * CHUNK_SIZE);
        assertThat(attr(f).mtimeNanos()).isEqualTo(clock.nanos());
        tick();
        assertThat(ns.extendLength(f, 4L * CHUNK_SIZE).length()).isEqualTo(4L * CHUNK_SIZE);
        assertThat(attr(f).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.stats().totalLength()).isEqualTo(4L * CHUNK_SIZE);
        assertStatus(Status.EINVAL, () -> ns.extendLength(f, -1));
        assertStatus(Status.EISDIR, () -> ns.extendLength(ROOT, 1));
    }

    @Test
    void setChunkReportsTheChunkItReplaces() throws Exception {
        ns.setChunk(f, 1, 99);
        assertThat(listener.unreferenced).containsExactly(12L);
        ns.setChunk(f, 1, 99);
        ns.setChunk(f, 7, 70);
        assertThat(listener.unreferenced).containsExactly(12L);
        assertThat(ns.chunks(f)).containsExactly(11, 99, 13, 0, 0, 0, 0, 70);
        assertThat(ns.chunkAt(f, 5)).isZero();
        assertThat(ns.chunkAt(f, 1_000_000)).isZero();
    }

    @Test
    void chunkAccessErrors() throws Exception {
        assertStatus(Status.EINVAL, () -> ns.chunkAt(f, -1));
        assertStatus(Status.EINVAL, () -> ns.setChunk(f, -1, 5));
        assertStatus(Status.EFBIG, () -> ns.setChunk(f, FileNode.MAX_CHUNKS, 5));
        assertStatus(Status.EISDIR, () -> ns.chunkAt(ROOT, 0));
        assertStatus(Status.EISDIR, () -> ns.chunks(ROOT));
        assertStatus(Status.ENOENT, () -> ns.setChunk(999, 0, 5));
    }
}
