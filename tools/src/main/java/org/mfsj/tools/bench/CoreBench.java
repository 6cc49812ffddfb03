package org.mfsj.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;

/**
 * Our side of {@code bench/core/run}: the core workload through core-client against a running
 * cluster. Not a test, never run by CI.
 *
 * <pre>
 * java -cp tools/target/mfs.jar org.mfsj.tools.bench.CoreBench -H HOST -P PORT
 *      [--size-mib N] [--files N] [--readdir-passes N] [--goals 1,2] [--drop-caches]
 *      [--no-data] [--no-meta]
 * </pre>
 *
 * <p>For each goal: writes N MiB in 1 MiB writes, timed to the end of fsync + close; then, from a
 * fresh client (after dropping the page cache with {@code --drop-caches}), reads it back in
 * 1 MiB reads and checks every byte. Then creates, looks up, lists and unlinks {@code --files}
 * files in one directory. Results go to stdout as {@code name value unit} lines (what the script
 * parses), notes as lines starting with {@code #}; progress goes to stderr. Everything it creates
 * lives under one fresh directory in the root, removed at the end.
 */
public final class CoreBench {
    static final int MIB = 1 << 20;

    /** The parsed command line. */
    record Options(ServerAddress master, int sizeMib, int files, int readdirPasses, List<Integer> goals,
                   boolean dropCaches, boolean data, boolean meta) {
    }

    private final Options opt;
    private final PrintStream out;
    private final Creds creds = Creds.ROOT;

    CoreBench(Options opt, PrintStream out) {
        this.opt = opt;
        this.out = out;
    }

    public static void main(String[] args) {
        if (System.getProperty("mfs.log.target") == null) {
            System.setProperty("mfs.log.target", "System.err"); // stdout carries the results only
        }
        Options opt;
        try {
            opt = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("CoreBench: " + e.getMessage());
            System.err.println("usage: CoreBench -H HOST -P PORT [--size-mib N] [--files N] [--readdir-passes N]"
                    + " [--goals 1,2] [--drop-caches] [--no-data] [--no-meta]");
            System.exit(2);
            return;
        }
        try {
            new CoreBench(opt, System.out).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("CoreBench: failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
        System.exit(0);
    }

    void run() throws IOException {
        try (MfsClient client = connect()) {
            String topName = "corebench-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
            long top = client.mkdir(creds, client.rootInode(), topName, 0755).inode();
            if (opt.data()) {
                for (int goal : opt.goals()) {
                    new SequentialBench(this, client, top, goal).run();
                }
            }
            if (opt.meta()) {
                new MetadataBench(this, client, top).run();
            }
            client.rmdir(creds, client.rootInode(), topName);
        }
    }

    MfsClient connect() throws MfsException {
        return MfsClient.connect(ClientConfig.of(opt.master()).withClientInfo("CoreBench"));
    }

    Options options() {
        return opt;
    }

    Creds creds() {
        return creds;
    }

    /** One result line: {@code name value unit}. */
    void result(String name, double value, String unit) {
        out.printf(Locale.ROOT, "%s %.1f %s%n", name, value, unit);
        out.flush();
    }

    /** A rate from a count and the nanoseconds it took. */
    void rate(String name, double count, long nanos, String unit) {
        result(name, nanos > 0 ? count * 1e9 / nanos : 0, unit);
    }

    void note(String text) {
        out.println("# " + text);
        out.flush();
    }

    static void progress(String text) {
        System.err.println("[CoreBench] " + text);
    }

    /**
     * Writes back dirty pages and drops the kernel's page cache, so a read that follows comes from
     * the chunkservers' disks and not from memory. Needs root; returns false when not permitted.
     */
    boolean dropCaches() {
        if (!opt.dropCaches()) {
            return false;
        }
        try {
            Process sync = new ProcessBuilder("sync").inheritIO().start();
            sync.waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            return true;
        } catch (IOException e) {
            progress("cannot drop caches: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Attr mkdir(MfsClient client, long parent, String name) throws MfsException {
        return client.mkdir(creds, parent, name, 0755);
    }

    static Options parse(String[] args) {
        String host = null;
        Integer port = null;
        int sizeMib = 1024;
        int files = 10_000;
        int passes = 3;
        List<Integer> goals = List.of(1, 2);
        boolean drop = false;
        boolean data = true;
        boolean meta = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-H", "--master-host" -> host = value(args, ++i, a);
                case "-P", "--master-port" -> port = positive(value(args, ++i, a), a);
                case "--size-mib" -> sizeMib = positive(value(args, ++i, a), a);
                case "--files" -> files = positive(value(args, ++i, a), a);
                case "--readdir-passes" -> passes = positive(value(args, ++i, a), a);
                case "--goals" -> goals = goals(value(args, ++i, a));
                case "--drop-caches" -> drop = true;
                case "--no-data" -> data = false;
                case "--no-meta" -> meta = false;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (host == null || port == null) {
            throw new IllegalArgumentException("the master's address is needed: -H HOST -P PORT");
        }
        return new Options(new ServerAddress(host, port), sizeMib, files, passes, goals, drop, data, meta);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, String name) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a positive integer, got '" + s + "'");
    }

    private static List<Integer> goals(String s) {
        List<Integer> goals = new ArrayList<>();
        for (String g : s.split(",")) {
            goals.add(positive(g.strip(), "--goals"));
        }
        return List.copyOf(goals);
    }
}
