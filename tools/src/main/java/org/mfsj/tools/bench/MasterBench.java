package org.mfsj.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench/master}: the master alone, no chunk I/O. Not a test, never run by CI.
 *
 * <pre>
 * java -cp mfs.jar org.mfsj.tools.bench.MasterBench [--ops N] [--warmup N] [--passes N] [--conns 1,16]
 *      [--masters 1,3] [--processes] [--files 1000000,...] [--no-ops] [--no-memory]
 * </pre>
 *
 * <p>Ops: an in-process master on loopback with its changelog on (every answer waits for its
 * fsync, grouped), driven through core-client from 1 and from 16 connections, each with its own
 * session and directory: create, lookup, getattr, lock, unlock, setxattr, rename, unlink of
 * {@code --ops} files in all; against one master, and against three voting masters (master HA: each change waits for a
 * majority's fsync), for the HA column. Both configurations run at once on fresh masters, each
 * first untimed ({@code --warmup} ops, a quarter of {@code --ops} unless given) so that the JIT
 * warm-up falls on no figure; then {@code --passes} timed passes (3 unless given) alternated
 * between them, the leading side changing each round; each figure is the median of a side's
 * passes; then each master's records per fsync (and a leader's AppendEntries messages) over them.
 * {@code --processes}: the masters run as processes of their own, as in production.
 * Memory and restart: for each {@code --files} count, that many files (in directories of 1000)
 * made through the namespace with the changelog on; heap per file after a full GC; the time to
 * start from the changelog alone, to write an image, and to start from the image.
 */
public final class MasterBench {
    private MasterBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("mfs.log.target") == null) {
            System.setProperty("mfs.log.target", "System.err");
            System.setProperty("mfs.log.level", "WARN");
        }
        int ops = 20_000;
        int warmup = -1;
        int passes = 3;
        boolean processes = false;
        List<Integer> conns = List.of(1, 16);
        List<Integer> masters = List.of(1, 3);
        List<Integer> files = List.of(1_000_000);
        boolean runOps = true;
        boolean runMemory = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--processes" -> processes = true;
                case "--conns" -> conns = ints(args[++i]);
                case "--masters" -> masters = ints(args[++i]);
                case "--files" -> files = ints(args[++i]);
                case "--no-ops" -> runOps = false;
                case "--no-memory" -> runMemory = false;
                default -> {
                    System.err.println("MasterBench: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path tmp = Files.createTempDirectory("mfsj-master-bench");
        try {
            if (runOps) {
                for (int c : conns) {
                    new HaColumn(tmp, ops, warmup < 0 ? ops / 4 : warmup, c, masters, processes, passes).run();
                }
            }
            if (runMemory) {
                for (int n : files) {
                    new MasterMemoryBench(tmp.resolve("mem-" + n), n).run();
                }
            }
        } finally {
            delete(tmp);
        }
    }

    static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%-44s %14.1f %s%n", name, value, unit);
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
