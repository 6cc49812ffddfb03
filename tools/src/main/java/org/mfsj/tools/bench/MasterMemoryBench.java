package org.mfsj.tools.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.image.ImageWriter;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.Namespace;

/**
 * Heap per file and restart times at {@code files} files: files made through the namespace with
 * the changelog on (as a master would), in directories of 1000 entries.
 */
final class MasterMemoryBench {
    private static final int PER_DIR = 1000;
    private static final long SEGMENT = 256L << 20;

    private final Path data;
    private final int files;

    MasterMemoryBench(Path data, int files) {
        this.data = data;
        this.files = files;
    }

    void run() throws Exception {
        Clock clock = Clock.systemUTC();
        long before = usedHeap();
        String label = String.format("%,d files", files);
        try (MetaStore store = MetaStore.open(data, clock, 2, SEGMENT, Runnable::run, () -> {
            throw new IllegalStateException("changelog failed");
        })) {
            Namespace ns = store.state().namespace();
            long t0 = System.nanoTime();
            long dir = 0;
            for (int i = 0; i < files; i++) {
                if (i % PER_DIR == 0) {
                    dir = ns.mkdir(Creds.ROOT, Namespace.ROOT, String.format("d%06d", i / PER_DIR), 0755).inode();
                }
                ns.mknod(Creds.ROOT, dir, String.format("f%09d", i), FileType.FILE, 0644, 0);
            }
            store.log().sync(store.state().version());
            MasterBench.print("namespace creates with changelog, " + label, files * 1e9 / (System.nanoTime() - t0),
                    "ops/s");
            long after = usedHeap();
            MasterBench.print("master heap per file, " + label, (double) (after - before) / files, "bytes");
        }
        System.gc();
        long t0 = System.nanoTime();
        MetaState fromLog = MetaStore.recover(data, clock, 2, false);
        MasterBench.print("start from changelog alone, " + label, (System.nanoTime() - t0) / 1e6, "ms");
        t0 = System.nanoTime();
        ImageWriter.write(fromLog, data);
        MasterBench.print("image write, " + label, (System.nanoTime() - t0) / 1e6, "ms");
        MasterBench.print("image size per file, " + label, (double) Files.size(data.resolve("metadata.mfs")) / files,
                "bytes");
        fromLog = null;
        try (Stream<Path> s = Files.list(data)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("changelog.")).toList()) {
                Files.delete(p);
            }
        }
        System.gc();
        t0 = System.nanoTime();
        MetaState fromImage = MetaStore.recover(data, clock, 2, false);
        MasterBench.print("start from image, " + label, (System.nanoTime() - t0) / 1e6, "ms");
        if (fromImage.namespace().tree().inodeCount() < files) {
            throw new IllegalStateException("image held " + fromImage.namespace().tree().inodeCount() + " inodes");
        }
        MasterBench.delete(data);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
