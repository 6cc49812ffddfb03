package org.mfsj.master.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.changelog.FileChangelog;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.ReplyCache;
import org.mfsj.master.meta.Voters;
import org.mfsj.master.meta.codec.CorruptMetadataException;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.SetAttr;

class MetaStoreTest {
    private static final Creds USER = new Creds(1000, 1000, new int[0]);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private MetaStore open() throws Exception {
        return MetaStore.open(dir, CLOCK, 2, 4096, Runnable::run, () -> {
            throw new AssertionError("changelog failed");
        });
    }

    /** A bit of everything the namespace and the chunk registry remember. */
    private static void workload(MetaStore store) throws Exception {
        Namespace ns = store.state().namespace();
        ChunkLog chunks = new ChunkLog(store.state().chunks(), store.journal(), store.durability());
        store.journal().begin(7, 1);
        long home = ns.mkdir(Creds.ROOT, Namespace.ROOT, "home", 0755).inode();
        store.journal().end();
        ns.setattr(Creds.ROOT, home, SetAttr.owner(1000, 1000));
        long f = ns.mknod(USER, home, "f", FileType.FILE, 0644, 0).inode();
        ns.mknod(USER, home, "fifo", FileType.FIFO, 0600, 0);
        ns.mknod(Creds.ROOT, Namespace.ROOT, "dev", FileType.BLOCK_DEVICE, 0600, 0x0803);
        ns.symlink(USER, home, "ln", "f");
        ns.link(USER, f, home, "f2");
        ns.setxattr(USER, f, "user.k", new byte[] {1, 2, 3}, 0);
        for (int i = 0; i < 3; i++) {
            Chunk c = chunks.create(2);
            ns.setChunk(f, i * 2, c.id());
            int next = chunks.issueVersion(c);
            chunks.versionChanged(c, next, Set.of());
        }
        ns.extendLength(f, 5L << 26);
        ns.truncate(USER, f, (3L << 26) + 5);
        long sub = ns.mkdir(USER, home, "sub", 0700).inode();
        ns.mknod(USER, sub, "gone", FileType.FILE, 0644, 0);
        store.journal().begin(8, 1);
        ns.unlink(USER, sub, "gone");
        store.journal().end();
        ns.rename(USER, home, "f2", sub, "moved");
        store.journal().begin(7, 2);
        ns.setGoal(USER, home, 3, true);
        store.journal().end();
        ns.removexattr(USER, f, "user.k");
        ns.setxattr(USER, sub, "user.d", "x".getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String dump(MetaState s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        MetaDump.print(s, new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theChangelogAndTheImageBothRebuildTheSameState() throws Exception {
        String live;
        try (MetaStore store = open()) {
            workload(store);
            live = dump(store.state());
            assertThat(MetaChecker.check(store.state())).isEmpty();
            assertThat(store.state().replies().get(7, 2)).isEqualTo(3L);
            assertThat(store.state().replies().get(8, 1)).isSameAs(ReplyCache.DONE);
        }
        ImageRoundTrip.replayAndReload(dir, CLOCK, live);
        assertThat(Files.exists(dir.resolve(ImageFormat.PREVIOUS))).isTrue();
        // image + (now already held) changelog tail: the same again
        assertThat(dump(MetaStore.recover(dir, CLOCK, 2, false))).isEqualTo(live);
    }

    @Test
    void aCallWhoseChangeACrashLostAfterItsPreludeRunsAgainWhenRetried() throws Exception {
        long held;
        try (MetaStore store = open()) {
            Namespace ns = store.state().namespace();
            ns.mknod(Creds.ROOT, Namespace.ROOT, "open", FileType.FILE, 0644, 0);
            // another session has the file open: its last name going is preceded by that session's hold
            ns.setOpenCounts(inode -> new HashMap<>(Map.of(5L, 1)));
            store.journal().begin(9, 4);
            ns.unlink(Creds.ROOT, Namespace.ROOT, "open");
            store.journal().end();
            assertThat(store.state().replies().get(9, 4)).as("answered once the unlink is in").isSameAs(ReplyCache.DONE);
            held = store.state().version() - 1;
            // the master dies with the hold on disk and the unlink not
            ((FileChangelog) store.log()).truncateAfter(held);
        }
        MetaState recovered = MetaStore.recover(dir, CLOCK, 2, false);
        assertThat(recovered.version()).isEqualTo(held);
        assertThat(recovered.namespace().lookup(Creds.ROOT, Namespace.ROOT, "open").isFile()).isTrue();
        assertThat(recovered.replies().get(9, 4)).as("the unlink retried after the crash is done again, not answered")
                .isNull();
    }

    @Test
    void theImageKeepsTheVotersTheLogNamedLast() throws Exception {
        try (MetaStore store = open()) {
            store.journal().record(new Voters(List.of("h:1", "h:2")), null);
            store.journal().record(new Voters(List.of("h:1", "h:2", "h:3")), null);
        }
        MetaState replayed = MetaStore.recover(dir, CLOCK, 2, false);
        assertThat(replayed.voters()).containsExactly("h:1", "h:2", "h:3");
        ImageWriter.write(replayed, dir);
        Path image = dir.resolve(ImageFormat.NAME);
        assertThat(ImageReader.load(image, CLOCK).voters()).containsExactly("h:1", "h:2", "h:3");
        assertThat(ImageReader.base(image).voters()).as("read from the first frames").hasSize(3);
    }

    @Test
    void theSaverWritesAnImageOfTheDurableStateWhileTheMasterGoesOn() throws Exception {
        try (MetaStore store = open(); ImageSaver saver = new ImageSaver(dir, store.log(), CLOCK, 1)) {
            workload(store);
            store.log().sync(store.state().version());
            String before = dump(store.state());
            long version = saver.saveNow().get();
            assertThat(version).isEqualTo(store.state().version());
            assertThat(dump(ImageReader.load(dir.resolve(ImageFormat.NAME), CLOCK))).isEqualTo(before);
            store.state().namespace().mkdir(Creds.ROOT, Namespace.ROOT, "after", 0755);
            String after = dump(store.state());
            store.log().sync(store.state().version());
            assertThat(saver.saveNow().get()).isEqualTo(version + 1);
            assertThat(dump(MetaStore.recover(dir, CLOCK, 2, false))).isEqualTo(after);
        }
    }

    @Test
    void aChunkCreatedButNeverPutInAFileIsNotKeptAfterARestart() throws Exception {
        long orphan;
        long kept;
        try (MetaStore store = open()) {
            ChunkLog chunks = new ChunkLog(store.state().chunks(), store.journal(), store.durability());
            Namespace ns = store.state().namespace();
            long f = ns.mknod(Creds.ROOT, Namespace.ROOT, "f", FileType.FILE, 0644, 0).inode();
            kept = chunks.create(1).id();
            ns.setChunk(f, 0, kept);
            // the master stops between logging a new chunk and putting it in its file
            orphan = chunks.create(1).id();
        }
        try (MetaStore store = open()) {
            assertThat(store.state().chunks().get(kept)).isNotNull();
            assertThat(store.state().chunks().get(orphan)).isNull();
            assertThat(store.state().chunks().nextId()).isGreaterThan(orphan);
        }
    }

    @Test
    void aDamagedImageIsRefusedWithFileAndOffset() throws Exception {
        try (MetaStore store = open()) {
            workload(store);
        }
        ImageWriter.write(MetaStore.recover(dir, CLOCK, 2, false), dir);
        Path image = dir.resolve(ImageFormat.NAME);
        byte[] good = Files.readAllBytes(image);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01;
        Files.write(image, flipped);
        assertThatThrownBy(() -> MetaStore.recover(dir, CLOCK, 2, true)).isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining(image.toString()).hasMessageContaining("offset");
        Files.write(image, Arrays.copyOf(good, good.length - 3));
        assertThatThrownBy(() -> ImageReader.load(image, CLOCK)).isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining("cut short");
        Files.write(image, Arrays.copyOf(good, 40));
        assertThatThrownBy(() -> ImageReader.load(image, CLOCK)).isInstanceOf(CorruptMetadataException.class);
    }
}
