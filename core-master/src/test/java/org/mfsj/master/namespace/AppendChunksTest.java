package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.op.NamespaceRecord;

/** Joining files by chunks: tables appended, chunks shared (referenced once more), length summed. */
class AppendChunksTest extends NamespaceFixture {
    private static final long CHUNK = ChunkGeometry.CHUNK_SIZE;
    private final List<NamespaceRecord> log = new ArrayList<>();

    AppendChunksTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    private long fileWith(String name, long length, long... chunks) throws Exception {
        long f = ns.mknod(ALICE, home, name, FileType.FILE, 0644, 0).inode();
        for (int i = 0; i < chunks.length; i++) {
            ns.setChunk(f, i, chunks[i]);
        }
        ns.extendLength(f, length);
        return f;
    }

    private long home;

    @Test
    void appendsChunkTablesSharingEveryChunk() throws Exception {
        home = dirOf(ALICE, ROOT, "home", 0755);
        long a = fileWith("a", 2 * CHUNK, 11, 12);
        long b = fileWith("b", CHUNK, 13);
        long c = fileWith("c", 100, 14);
        long target = fileWith("t", 0);
        listener.all.clear();
        var attr = ns.appendChunks(ALICE, target, List.of(a, b, c));

        assertThat(attr.length()).isEqualTo(3 * CHUNK + 100);
        assertThat(ns.chunks(target)).containsExactly(11, 12, 13, 14);
        assertThat(ns.chunks(a)).containsExactly(11, 12);
        assertThat(listener.all).hasSize(4).allMatch(s -> s.contains("ref"));
        // a second append goes after the first's whole chunks only, so the partial one refuses it
        assertStatus(Status.EINVAL, () -> ns.appendChunks(ALICE, target, List.of(b)));

        Namespace copy = new Namespace(new ManualClock(clock.instant()));
        log.forEach(copy::replay);
        assertThat(copy.chunks(target)).containsExactly(11, 12, 13, 14);
        assertThat(copy.getattr(target)).isEqualTo(ns.getattr(target));
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        home = dirOf(ALICE, ROOT, "home", 0755);
        long partial = fileWith("partial", 10, 21);
        long whole = fileWith("whole", CHUNK, 22);
        long target = fileWith("t", 0);
        long bobs = ns.mknod(BOB, dirOf(BOB, ROOT, "bob", 0755), "f", FileType.FILE, 0600, 0).inode();
        int before = log.size();
        // only the last source may end inside a chunk
        assertStatus(Status.EINVAL, () -> ns.appendChunks(ALICE, target, List.of(partial, whole)));
        assertStatus(Status.EINVAL, () -> ns.appendChunks(ALICE, target, List.of(target)));
        assertStatus(Status.EINVAL, () -> ns.appendChunks(ALICE, target, List.of()));
        // read permission on the sources, write permission on the target
        assertStatus(Status.EACCES, () -> ns.appendChunks(ALICE, target, List.of(bobs)));
        assertStatus(Status.EACCES, () -> ns.appendChunks(BOB, target, List.of(whole)));
        assertStatus(Status.ENOENT, () -> ns.appendChunks(ALICE, target, List.of(999_999L)));
        assertThat(log).hasSize(before);
        assertThat(ns.getattr(target).length()).isZero();
        assertThat(ns.chunks(target)).isEmpty();
    }
}
