package org.mfsj.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.memory.InMemoryMfsClient;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.fuse.lowlevel.KernelReadAhead;

/**
 * The adapter over a real kernel mount, backed by the in-memory client (no cluster): calls go
 * through the kernel and libfuse as any program's would.
 */
class InMemoryMountTest {
    @TempDir
    Path tmp;

    private InMemoryMfsClient client;
    private FuseMount mount;
    private Path mp;

    @BeforeEach
    void mount() throws Exception {
        mp = Files.createDirectory(tmp.resolve("mnt"));
        client = new InMemoryMfsClient();
        mount = FuseMount.start(client, MountOptions.parse(null, null, null, List.of(),
                new ServerAddress("127.0.0.1", 9421)), mp,
                Duration.ofSeconds(20));
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            mount.close();
        }
        assertThat(MountTable.isMounted(mp)).as("still mounted after close").isFalse();
    }

    @Test
    void writeReadBigFileInOneGo() throws Exception {
        byte[] data = new byte[5 << 20];
        new Random(1).nextBytes(data);
        Path f = mp.resolve("big");
        Files.write(f, data);
        assertThat(Files.size(f)).isEqualTo(data.length);
        assertThat(Files.readAllBytes(f)).isEqualTo(data);
    }

    @Test
    void theKernelReadsAheadFurtherThanItsDefault() throws Exception {
        String device = MountTable.device(mp);
        assertThat(device).matches("\\d+:\\d+");
        assertThat(MountTable.device(tmp)).as("not a mount point").isNull();
        Path knob = Path.of("/sys/class/bdi", device, "read_ahead_kb");
        assumeTrue(Files.isWritable(knob), "only root may set a device's read-ahead");
        assertThat(Files.readString(knob).strip()).isEqualTo(Integer.toString(KernelReadAhead.DEFAULT_KIB));
    }

    @Test
    void namespaceCallsAndTheirErrors() throws Exception {
        Path d = Files.createDirectory(mp.resolve("d"));
        Files.writeString(d.resolve("a"), "hello");
        assertThatThrownBy(() -> Files.createDirectory(d)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.delete(d)).isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.readString(mp.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
        Files.move(d.resolve("a"), mp.resolve("b"));
        assertThat(Files.readString(mp.resolve("b"))).isEqualTo("hello");
        assertThat(Files.exists(d.resolve("a"))).isFalse();
        Files.createSymbolicLink(mp.resolve("ln"), Path.of("b"));
        assertThat(Files.readSymbolicLink(mp.resolve("ln"))).isEqualTo(Path.of("b"));
        assertThat(Files.readString(mp.resolve("ln"))).isEqualTo("hello");
        Files.setLastModifiedTime(mp.resolve("b"), FileTime.fromMillis(1_000_000_000_000L));
        assertThat(Files.getLastModifiedTime(mp.resolve("b")).toMillis()).isEqualTo(1_000_000_000_000L);
        Files.delete(d);
        assertThat(Files.exists(d)).isFalse();
    }

    @Test
    void aListingShowsThisMountsChangesAtOnce() throws Exception {
        Path d = Files.createDirectory(mp.resolve("relist"));
        Files.createFile(d.resolve("a"));
        assertThat(names(d)).containsExactly("a");
        assertThat(names(d)).as("listed again, from the listing cache").containsExactly("a");
        Files.createFile(d.resolve("b"));
        assertThat(names(d)).containsExactly("a", "b");
        Files.move(d.resolve("a"), d.resolve("c"));
        assertThat(names(d)).containsExactly("b", "c");
        Files.delete(d.resolve("b"));
        assertThat(names(d)).containsExactly("c");
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A directory of 64 names or more is listed by name only (packed) and kept whole: each change
     * through this mount drops the kept listing, so the next listing shows it.
     */
    @Test
    void aLargeDirectoryListedByNameShowsThisMountsChangesAtOnce() throws Exception {
        Path d = Files.createDirectory(mp.resolve("ahead"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(String.format("n%03d", i));
            Files.createFile(d.resolve(expected.get(i)));
        }
        assertThat(names(d)).isEqualTo(expected);
        Files.delete(d.resolve("n050"));
        expected.remove("n050");
        Files.createFile(d.resolve("n100"));
        expected.add("n100");
        assertThat(names(d)).isEqualTo(expected);
        Files.move(d.resolve("n000"), d.resolve("n101"));
        expected.remove("n000");
        expected.add("n101");
        assertThat(names(d)).isEqualTo(expected);
    }

    @Test
    void largeDirectoryListsEveryEntryOnce() throws Exception {
        Path d = Files.createDirectory(mp.resolve("many"));
        for (int i = 0; i < 2500; i++) {
            Files.createFile(d.resolve("file-with-a-longish-name-" + i));
        }
        Set<String> seen = new HashSet<>();
        try (Stream<Path> s = Files.list(d)) {
            s.forEach(p -> assertThat(seen.add(p.getFileName().toString())).isTrue());
        }
        assertThat(seen).hasSize(2500);
    }
}
