package org.mfsj.master.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.op.ReleaseOpenRecord;

/**
 * Files held open past their last name: the hold is logged before the name goes, so the changelog
 * and an image rebuild it; the last release frees the file and its chunks, a file nobody has open
 * goes with its name.
 */
class OpenHoldsImageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC);
    private static final Creds SU = Creds.ROOT;
    private static final long SESSION = 7;
    private static final long OTHER = 9;

    @TempDir
    Path dir;

    @Test
    void holdsSurviveReplayAndImagesAndTheLastReleaseFreesTheFile() throws Exception {
        String live;
        long held;
        long replaced;
        long chunk;
        try (MetaStore store = ImageRoundTrip.open(dir, CLOCK)) {
            Namespace ns = store.state().namespace();
            ChunkLog chunks = new ChunkLog(store.state().chunks(), store.journal(), store.durability());
            held = ns.mknod(SU, Namespace.ROOT, "held", FileType.FILE, 0644, 0).inode();
            replaced = ns.mknod(SU, Namespace.ROOT, "replaced", FileType.FILE, 0644, 0).inode();
            long closed = ns.mknod(SU, Namespace.ROOT, "closed", FileType.FILE, 0644, 0).inode();
            long other = ns.mknod(SU, Namespace.ROOT, "other", FileType.FILE, 0644, 0).inode();
            Chunk c = chunks.create(2);
            ns.setChunk(held, 0, c.id());
            chunk = c.id();
            long h = held;
            long r = replaced;
            ns.setOpenCounts(inode -> inode == h ? Map.of(SESSION, 2, OTHER, 1)
                    : inode == r ? Map.of(OTHER, 1) : Map.of());
            ns.unlink(SU, Namespace.ROOT, "held");
            ns.rename(SU, Namespace.ROOT, "other", Namespace.ROOT, "replaced");
            ns.unlink(SU, Namespace.ROOT, "closed");
            assertThatThrownBy(() -> ns.getattr(closed)).isInstanceOf(MfsException.class);
            assertThat(ns.getattr(held).nlink()).isZero();
            assertThat(ns.getattr(replaced).nlink()).isZero();
            // a session holding nothing releases nothing, and logs nothing
            long version = store.state().version();
            ns.releaseOpen(held, 12345, 1);
            assertThat(store.state().version()).isEqualTo(version);
            assertThat(MetaChecker.check(store.state())).isEmpty();
            live = ImageRoundTrip.dump(store.state());
        }
        assertThat(live).contains("H " + held + " session 7 opens 2", "H " + held + " session 9 opens 1",
                "H " + replaced + " session 9 opens 1");
        MetaState loaded = ImageRoundTrip.replayAndReload(dir, CLOCK, live);

        Namespace ns = loaded.namespace();
        ns.releaseOpen(held, SESSION, 1);
        ns.releaseOpen(held, OTHER, ReleaseOpenRecord.ALL);
        assertThat(ns.getattr(held).nlink()).as("one open of session 7 left").isZero();
        assertThat(loaded.chunks().get(chunk).refs()).isEqualTo(1);
        ns.releaseOpen(held, SESSION, 1);
        assertThatThrownBy(() -> ns.getattr(held)).isInstanceOf(MfsException.class);
        assertThat(loaded.chunks().get(chunk)).as("the freed file's chunk").isNull();
        assertThat(ns.heldBy(OTHER)).containsExactly(replaced);
        ns.releaseOpen(replaced, OTHER, ReleaseOpenRecord.ALL);
        assertThat(ns.holdingSessions()).isEmpty();
        assertThat(MetaChecker.check(loaded)).isEmpty();
    }
}
