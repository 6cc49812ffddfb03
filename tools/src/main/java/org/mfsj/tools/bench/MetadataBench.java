package org.mfsj.tools.bench;

import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.DirEntry;

/**
 * Metadata operations on N files in one directory, one call at a time from one thread, in the
 * order bench/core/meta.py runs them over the MooseFS mount: create (os.open O_CREAT + close),
 * stat (os.stat = a lookup by name), readdir (full listings, names only), unlink.
 */
final class MetadataBench {
    /** Entries per readdir call; MooseFS's mount reads a directory in one go, FUSE pages it to the caller. */
    static final int PAGE = 1024;

    private final CoreBench bench;
    private final MfsClient client;
    private final long top;

    MetadataBench(CoreBench bench, MfsClient client, long top) {
        this.bench = bench;
        this.client = client;
        this.top = top;
    }

    void run() throws MfsException {
        int n = bench.options().files();
        int passes = bench.options().readdirPasses();
        long dir = bench.mkdir(client, top, "meta").inode();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = String.format("f%07d", i);
        }
        CoreBench.progress("metadata: " + n + " files in one directory");

        long t0 = System.nanoTime();
        for (String name : names) {
            client.create(bench.creds(), dir, name, 0644);
        }
        bench.rate("create", n, System.nanoTime() - t0, "ops/s");

        t0 = System.nanoTime();
        for (String name : names) {
            client.lookup(bench.creds(), dir, name);
        }
        bench.rate("stat", n, System.nanoTime() - t0, "ops/s");

        long seen = 0;
        t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            seen += list(dir);
        }
        bench.rate("readdir", seen, System.nanoTime() - t0, "entries/s");
        if (seen != (long) n * passes) {
            throw new MfsException(Status.EIO, "readdir saw " + seen + " files, expected " + (long) n * passes);
        }

        t0 = System.nanoTime();
        for (String name : names) {
            client.unlink(bench.creds(), dir, name);
        }
        bench.rate("unlink", n, System.nanoTime() - t0, "ops/s");
        client.rmdir(bench.creds(), top, "meta");
    }

    /** One full listing; counts the files ("." and "..", if listed, are not counted). */
    private long list(long dir) throws MfsException {
        long count = 0;
        long cookie = 0;
        while (true) {
            DirPage page = client.readdir(bench.creds(), dir, cookie, PAGE, false);
            for (DirEntry e : page.entries()) {
                if (!e.name().equals(".") && !e.name().equals("..")) {
                    count++;
                }
                cookie = e.cookie();
            }
            if (page.eof() || page.entries().isEmpty()) {
                return count;
            }
        }
    }
}
