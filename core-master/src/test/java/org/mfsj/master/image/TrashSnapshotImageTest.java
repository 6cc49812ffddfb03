package org.mfsj.master.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.Namespace;

/** Trash, trash times and shared chunks come back alike from the changelog and from an image. */
class TrashSnapshotImageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC);
    private static final Creds SU = Creds.ROOT;

    @TempDir
    Path dir;

    @Test
    void trashAndSnapshotsSurviveReplayAndImages() throws Exception {
        String live;
        long shared;
        try (MetaStore store = ImageRoundTrip.open(dir, CLOCK)) {
            Namespace ns = store.state().namespace();
            ChunkLog chunks = new ChunkLog(store.state().chunks(), store.journal(), store.durability());
            ns.setTrashTime(SU, Namespace.ROOT, 3600, false);
            long a = ns.mkdir(SU, Namespace.ROOT, "a", 0755).inode();
            long f = ns.mknod(SU, a, "f", FileType.FILE, 0644, 0).inode();
            Chunk c = chunks.create(2);
            ns.setChunk(f, 0, c.id());
            shared = c.id();
            ns.snapshot(SU, a, Namespace.ROOT, "snap");
            ns.snapshot(SU, f, a, "f2");
            ns.unlink(SU, a, "f");
            long g = ns.mknod(SU, a, "g", FileType.FILE, 0644, 0).inode();
            ns.setTrashTime(SU, g, 0, false);
            ns.setQuota(SU, a, 0, 1 << 30, 5, 100);
            ns.extendLength(g, 12345);
            assertThat(store.state().chunks().get(shared).refs()).isEqualTo(3);
            assertThat(MetaChecker.check(store.state())).isEmpty();
            live = ImageRoundTrip.dump(store.state());
        }
        assertThat(live).contains("T ", "\"/a/f\"", "refs 3", "trashtime 3600", "Q ");
        MetaState loaded = ImageRoundTrip.replayAndReload(dir, CLOCK, live);
        assertThat(loaded.chunks().get(shared).refs()).isEqualTo(3);
    }
}
