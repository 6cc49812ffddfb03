package org.mfsj.tools.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkReport;

/**
 * Sequential write then read of one file at one goal, in 1 MiB calls, as {@code dd bs=1M} does on
 * the MooseFS side. The data is random (MooseFS chunkservers skip all-zero blocks), each MiB made
 * distinct by its index so a misplaced block cannot pass the read-back check.
 */
final class SequentialBench {
    private final CoreBench bench;
    private final MfsClient client;
    private final long top;
    private final int goal;
    private final byte[] template = new byte[CoreBench.MIB];

    SequentialBench(CoreBench bench, MfsClient client, long top, int goal) {
        this.bench = bench;
        this.client = client;
        this.top = top;
        this.goal = goal;
        new SplittableRandom(0x6d66736aL + goal).nextBytes(template);
    }

    void run() throws MfsException {
        int mib = bench.options().sizeMib();
        String dirName = "g" + goal;
        long dir = bench.mkdir(client, top, dirName).inode();
        client.setGoal(bench.creds(), dir, goal, false);
        long inode = client.create(bench.creds(), dir, "data", 0644).inode();
        client.setGoal(bench.creds(), inode, goal, false); // whether or not new files inherit the goal

        CoreBench.progress("write " + mib + " MiB, goal " + goal);
        long nanos = write(inode, mib);
        bench.rate("write_g" + goal, mib, nanos, "MiB/s");
        checkCopies(inode);

        boolean dropped = bench.dropCaches();
        CoreBench.progress("read " + mib + " MiB, goal " + goal + " (fresh client"
                + (dropped ? ", caches dropped)" : ")"));
        try (MfsClient reader = bench.connect()) {
            nanos = read(reader, inode, mib);
        }
        bench.rate("read_g" + goal, mib, nanos, "MiB/s");

        client.unlink(bench.creds(), dir, "data");
        client.rmdir(bench.creds(), top, dirName);
    }

    /** 1 MiB writes, then fsync and close: the time dd bs=1M conv=fsync measures. */
    private long write(long inode, int mib) throws MfsException {
        byte[] buf = template.clone();
        FileHandle h = client.open(bench.creds(), inode, true);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < mib; i++) {
                fill(buf, i);
                h.write((long) i * CoreBench.MIB, buf, 0, CoreBench.MIB);
            }
            h.fsync();
        } finally {
            h.close();
        }
        return System.nanoTime() - t0;
    }

    private long read(MfsClient reader, long inode, int mib) throws MfsException {
        byte[] buf = new byte[CoreBench.MIB];
        byte[] expected = template.clone();
        try (FileHandle h = reader.open(bench.creds(), inode, false)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < mib; i++) {
                long offset = (long) i * CoreBench.MIB;
                int got = 0;
                while (got < CoreBench.MIB) {
                    int n = h.read(offset + got, buf, got, CoreBench.MIB - got);
                    if (n < 0) {
                        throw new MfsException(Status.EIO, "file ends at " + (offset + got) + ", expected "
                                + (long) mib * CoreBench.MIB + " bytes");
                    }
                    got += n;
                }
                fill(expected, i);
                if (!Arrays.equals(buf, expected)) {
                    throw new MfsException(Status.EIO, "MiB " + i + " read back differs from what was written");
                }
            }
            return System.nanoTime() - t0;
        }
    }

    /** The template with block index {@code i} stamped into its first and last 8 bytes. */
    private void fill(byte[] buf, int i) {
        for (int b = 0; b < 8; b++) {
            byte x = (byte) (i >>> (8 * (b & 3)));
            buf[b] = (byte) (template[b] ^ x ^ 0x5a);
            buf[buf.length - 1 - b] = (byte) (template[buf.length - 1 - b] ^ x ^ 0xa5);
        }
    }

    /** A note of how many valid copies the chunks have right after the write (goal 2 must mean 2). */
    private void checkCopies(long inode) throws MfsException {
        long min = Long.MAX_VALUE;
        long max = 0;
        int chunks = 0;
        for (ChunkReport c : client.fileInfo(inode)) {
            min = Math.min(min, c.validCopies());
            max = Math.max(max, c.validCopies());
            chunks++;
        }
        bench.note("goal " + goal + ": " + chunks + " chunks with " + (chunks == 0 ? 0 : min)
                + (min == max ? "" : ".." + max) + " valid copies each right after the write");
        if (chunks > 0 && min < goal) {
            CoreBench.progress("WARNING: goal " + goal + " but some chunks have only " + min + " valid copies");
        }
    }
}
