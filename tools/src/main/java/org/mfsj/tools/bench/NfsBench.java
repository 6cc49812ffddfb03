package org.mfsj.tools.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.tools.bench.NfsBenchArgs.Phase;

/**
 * The load generator of {@code bench/nfs/run}: an NFSv3 client on oncrpc4j that keeps
 * {@code --outstanding} requests in flight (one thread each, on {@code --connections} TCP
 * connections) against any NFSv3 server with MOUNT: ours, or nfs-ganesha as the reference.
 * Not a test.
 *
 * <p>Phases, each timed from its first call to its last reply: sequential UNSTABLE writes of
 * {@code --size-mib} in {@code --io-kib} calls ended by a COMMIT; sequential reads of the same
 * file; 4 KiB reads at random aligned offsets; CREATE, LOOKUP, GETATTR and REMOVE of
 * {@code --files} files in one directory. Every byte read is checked: the data is a random
 * block with each 4 KiB stamped with its offset. Phases can be run in separate invocations on
 * the same {@code --dir} (the script drops caches between writing and reading).
 *
 * <p>Results go to stdout as {@code name value unit} lines; progress to stderr.
 */
public final class NfsBench {
    private static final int BLOCK = 1 << 20;
    private static final int STAMP = 4096;
    private static final String DATA_FILE = "seq";

    private final NfsBenchArgs args;
    private final Nfs3BenchClient nfs;
    private final byte[] pattern = new byte[BLOCK];
    private final ThreadLocal<byte[]> buffers;
    private int io;

    private NfsBench(NfsBenchArgs args, Nfs3BenchClient nfs) {
        this.args = args;
        this.nfs = nfs;
        new SplittableRandom(20261206).nextBytes(pattern);
        this.io = args.ioKib() * 1024;
        this.buffers = ThreadLocal.withInitial(() -> new byte[BLOCK]);
    }

    public static void main(String[] argv) throws Exception {
        NfsBenchArgs a;
        try {
            a = NfsBenchArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("NfsBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        InetAddress host = InetAddress.getByName(a.host());
        byte[] root = Nfs3BenchClient.mount(host, a.mountPort(), a.export());
        try (Nfs3BenchClient nfs = Nfs3BenchClient.nfs(host, a.nfsPort(), a.connections())) {
            new NfsBench(a, nfs).run(root);
        }
        System.exit(0);
    }

    private void run(byte[] root) throws Exception {
        Nfs3BenchClient.Sizes sizes = nfs.fsinfo(root);
        int max = Math.min(sizes.rtmax(), sizes.wtmax());
        if (io > max) {
            log("the server takes at most " + max + " bytes per READ/WRITE; using that instead of " + io);
            io = Integer.highestOneBit(max);
        }
        byte[] dir = lookupOrMake(root, args.dir());
        if (args.phases().contains(Phase.WRITE)) {
            write(nfs.create(dir, DATA_FILE));
        }
        if (args.phases().contains(Phase.READ)) {
            read(nfs.lookup(dir, DATA_FILE));
        }
        if (args.phases().contains(Phase.RANDOM)) {
            random(nfs.lookup(dir, DATA_FILE));
        }
        if (args.phases().contains(Phase.META)) {
            meta(nfs.mkdir(dir, "meta." + System.currentTimeMillis()));
        }
    }

    private byte[] lookupOrMake(byte[] parent, String name) throws IOException {
        try {
            return nfs.lookup(parent, name);
        } catch (IOException e) {
            return nfs.mkdir(parent, name);
        }
    }

    private void write(byte[] fh) throws Exception {
        long size = args.sizeBytes();
        log("write " + args.sizeMib() + " MiB in " + io + "-byte UNSTABLE calls, " + args.outstanding()
                + " outstanding");
        AtomicLong verifier = new AtomicLong();
        long t0 = System.nanoTime();
        forAll(size / io, i -> {
            long off = i * io;
            byte[] b = expected(off, io);
            Nfs3BenchClient.Written w = nfs.write(fh, off, b, io, Nfs3.UNSTABLE);
            if (w.count() != io) {
                throw new IOException("short write at " + off + ": " + w.count() + " of " + io + " bytes");
            }
            verifier.set(w.verifier());
        });
        long committed = nfs.commit(fh);
        double s = (System.nanoTime() - t0) / 1e9;
        if (committed != verifier.get()) {
            throw new IOException("the write verifier changed before COMMIT: the server lost unstable writes");
        }
        result("write_mibs", size / s / (1 << 20), "MiB/s");
    }

    private void read(byte[] fh) throws Exception {
        long size = args.sizeBytes();
        log("read " + args.sizeMib() + " MiB in " + io + "-byte calls, " + args.outstanding() + " outstanding");
        long t0 = System.nanoTime();
        forAll(size / io, i -> check(i * io, nfs.read(fh, i * io, io), io));
        result("read_mibs", size / ((System.nanoTime() - t0) / 1e9) / (1 << 20), "MiB/s");
    }

    private void random(byte[] fh) throws Exception {
        long blocks = args.sizeBytes() / STAMP;
        int n = args.randomOps();
        log(n + " random 4 KiB reads, " + args.outstanding() + " outstanding");
        long t0 = System.nanoTime();
        forAll(n, i -> {
            long off = new SplittableRandom(i).nextLong(blocks) * STAMP;
            check(off, nfs.read(fh, off, STAMP), STAMP);
        });
        result("randread_iops", n / ((System.nanoTime() - t0) / 1e9), "IOPS");
    }

    private void meta(byte[] dir) throws Exception {
        int n = args.files();
        byte[][] handles = new byte[n][];
        log("create, lookup, getattr, remove of " + n + " files, " + args.outstanding() + " outstanding");
        timed("create_ops", n, i -> handles[(int) i] = nfs.create(dir, name(i)));
        timed("lookup_ops", n, i -> {
            if (!Arrays.equals(nfs.lookup(dir, name(i)), handles[(int) i])) {
                throw new IOException("LOOKUP of " + name(i) + " gave another handle than its CREATE");
            }
        });
        timed("getattr_ops", n, i -> {
            if (nfs.getattr(handles[(int) i]) != 0) {
                throw new IOException(name(i) + " is not empty");
            }
        });
        timed("remove_ops", n, i -> nfs.remove(dir, name(i)));
    }

    private static String name(long i) {
        return String.format(Locale.ROOT, "f%07d", i);
    }

    /** The bytes the file has at {@code off}: the pattern, each 4 KiB stamped with its offset. */
    private byte[] expected(long off, int len) {
        byte[] b = buffers.get();
        int start = (int) (off % BLOCK);
        int first = Math.min(len, BLOCK - start);
        System.arraycopy(pattern, start, b, 0, first);
        System.arraycopy(pattern, 0, b, first, len - first);
        ByteBuffer bb = ByteBuffer.wrap(b);
        for (int p = 0; p < len; p += STAMP) {
            bb.putLong(p, off + p);
        }
        return b;
    }

    private void check(long off, byte[] got, int len) throws IOException {
        if (got.length != len) {
            throw new IOException("READ at " + off + " gave " + got.length + " of " + len + " bytes");
        }
        if (!Arrays.equals(got, 0, len, expected(off, len), 0, len)) {
            throw new IOException("READ at " + off + " gave other bytes than were written");
        }
    }

    private interface Task {
        void run(long i) throws Exception;
    }

    private void timed(String name, int n, Task task) throws Exception {
        long t0 = System.nanoTime();
        forAll(n, task);
        result(name, n / ((System.nanoTime() - t0) / 1e9), "ops/s");
    }

    /** Runs tasks 0..count-1 on {@code --outstanding} threads; the first failure ends the phase. */
    private void forAll(long count, Task task) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicReference<Exception> failed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(args.outstanding());
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < args.outstanding(); w++) {
                fs.add(pool.submit(() -> {
                    for (long i; failed.get() == null && (i = next.getAndIncrement()) < count; ) {
                        try {
                            task.run(i);
                        } catch (Exception e) {
                            failed.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private static void result(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %.1f %s%n", name, value, unit);
        log("  " + name + ": " + String.format(Locale.ROOT, "%.1f", value) + " " + unit);
    }

    private static void log(String s) {
        System.err.println("[nfsbench] " + s);
    }
}
