package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;

/**
 * One client of the crash test: its own session and its own directory, a random stream of
 * creates, writes, renames, unlinks, chmods and mkdirs, and a model of every change the master
 * acknowledged. A call that fails leaves its names uncertain (it may or may not have happened);
 * everything else must be exactly as the model says after any crash.
 */
final class CrashWorkload implements Runnable {
    /** What an acknowledged name must be. {@code content} is null for directories. */
    private record Expect(long inode, boolean dir, int mode, byte[] content) {
    }

    private static final Creds ROOT = Creds.ROOT;

    private final int id;
    private final MfsClient client;
    private final long dir;
    private final ReadWriteLock pause;
    private final Random rnd;
    private final Map<String, Expect> acked = new HashMap<>();
    private final Set<String> gone = new HashSet<>();
    private final Set<String> uncertain = new HashSet<>();
    /** What was done to each name, by round, for the message of a failed check. */
    private final Map<String, List<String>> history = new HashMap<>();
    /** The round the steps now belong to: the one whose kill comes next. */
    private volatile int round = 1;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stop;
    private int counter;

    CrashWorkload(int id, List<ServerAddress> masters, ReadWriteLock pause, long seed) throws MfsException {
        this.id = id;
        this.client = MfsClient.connect(ClientConfig.of(masters).withClientInfo("crash-" + id));
        this.dir = client.mkdir(ROOT, client.rootInode(), "w" + id, 0755).inode();
        this.pause = pause;
        this.rnd = new Random(seed);
    }

    long acknowledged() {
        return done.get();
    }

    long failures() {
        return failed.get();
    }

    void stop() {
        stop = true;
    }

    @Override
    public void run() {
        while (!stop) {
            pause.readLock().lock();
            try {
                step();
            } finally {
                pause.readLock().unlock();
            }
        }
    }

    private void step() {
        List<String> names = acked.entrySet().stream().filter(e -> !e.getValue().dir()).map(Map.Entry::getKey)
                .sorted().toList();
        int op = names.size() < 5 ? 0 : rnd.nextInt(10);
        String name = names.isEmpty() ? null : names.get(rnd.nextInt(names.size()));
        String fresh = (op == 9 ? "d" : "f") + id + "-" + counter++;
        String what = switch (op) {
            case 0, 1 -> "create";
            case 2, 3 -> "create+write";
            case 4, 5 -> "rename to " + fresh;
            case 6 -> "unlink";
            case 7, 8 -> "chmod";
            default -> "mkdir";
        };
        String subject = op >= 4 && op <= 8 ? name : fresh;
        try {
            switch (op) {
                case 0, 1 -> create(fresh);
                case 2, 3 -> createAndWrite(fresh);
                case 4, 5 -> rename(name, fresh);
                case 6 -> unlink(name);
                case 7, 8 -> chmod(name);
                default -> mkdir(fresh);
            }
            done.incrementAndGet();
            note(subject, what);
        } catch (MfsException e) {
            // not acknowledged: the call may or may not have taken effect
            failed.incrementAndGet();
            note(subject, what + " failed: " + e.getMessage());
            uncertain.add(fresh);
            if (name != null) {
                uncertain.add(name);
                acked.remove(name);
            }
        }
    }

    private void note(String name, String what) {
        history.computeIfAbsent(name, k -> new ArrayList<>()).add("round " + round + ": " + what);
    }

    /** The names whose history a failed check printed, for a look into the changelog. */
    Set<String> suspects() {
        return suspects;
    }

    private final Set<String> suspects = new HashSet<>();

    private void create(String name) throws MfsException {
        Attr a = client.create(ROOT, dir, name, 0644);
        acked.put(name, new Expect(a.inode(), false, 0644, new byte[0]));
    }

    private void createAndWrite(String name) throws MfsException {
        Attr a = client.create(ROOT, dir, name, 0644);
        uncertain.add(name);
        byte[] data = new byte[1 + rnd.nextInt(48 << 10)];
        rnd.nextBytes(data);
        try (FileHandle h = client.open(ROOT, a.inode(), true)) {
            h.write(0, data, 0, data.length);
            h.flush();
        }
        uncertain.remove(name);
        acked.put(name, new Expect(a.inode(), false, 0644, data));
    }

    private void rename(String from, String to) throws MfsException {
        client.rename(ROOT, dir, from, dir, to);
        note(to, "renamed from " + from);
        acked.put(to, acked.remove(from));
        gone.add(from);
    }

    private void unlink(String name) throws MfsException {
        client.unlink(ROOT, dir, name);
        acked.remove(name);
        gone.add(name);
    }

    private void chmod(String name) throws MfsException {
        int mode = 0400 | rnd.nextInt(0400);
        client.setattr(ROOT, acked.get(name).inode(), SetAttrRequest.chmod(mode));
        Expect e = acked.get(name);
        acked.put(name, new Expect(e.inode(), false, mode, e.content()));
    }

    private void mkdir(String name) throws MfsException {
        Attr a = client.mkdir(ROOT, dir, name, 0750);
        acked.put(name, new Expect(a.inode(), true, 0750, null));
    }

    /** Every acknowledged change is there, through {@code reader} (another client): called while paused. */
    void verify(MfsClient reader, int round) throws Exception {
        Set<String> listed = list(reader);
        for (Map.Entry<String, Expect> e : acked.entrySet()) {
            String what = "round " + round + ", client " + id + ": acknowledged '" + e.getKey() + "' "
                    + history.get(e.getKey());
            assertThat(listed).as(what + " is listed").contains(e.getKey());
            Attr a = reader.lookup(ROOT, dir, e.getKey());
            Expect x = e.getValue();
            assertThat(a.inode()).as(what + " inode").isEqualTo(x.inode());
            assertThat(a.isDirectory()).as(what + " type").isEqualTo(x.dir());
            assertThat(a.mode() & 07777).as(what + " mode").isEqualTo(x.mode());
            if (!x.dir()) {
                assertThat(a.length()).as(what + " length").isEqualTo(x.content().length);
                assertThat(read(reader, a.inode(), x.content().length)).as(what + " content").isEqualTo(x.content());
            }
        }
        for (String name : gone) {
            if (!acked.containsKey(name) && !uncertain.contains(name) && listed.contains(name)) {
                suspects.add(name);
                String now;
                try {
                    Attr a = reader.lookup(ROOT, dir, name);
                    now = "lookup finds inode " + a.inode() + " mode " + Integer.toOctalString(a.mode() & 07777);
                } catch (MfsException e) {
                    now = "lookup fails: " + e.getMessage();
                }
                throw new AssertionError("round " + round + ", client " + id + ": removed '" + name
                        + "' is listed again (" + now + "); its history: " + history.get(name));
            }
        }
        Set<String> unexpected = new HashSet<>(listed);
        unexpected.removeAll(acked.keySet());
        unexpected.removeAll(uncertain);
        assertThat(unexpected).as("round " + round + ", client " + id + ": names nobody acknowledged").isEmpty();
        this.round = round + 1;
    }

    private Set<String> list(MfsClient reader) throws MfsException {
        return ClusterFixture.names(reader, dir);
    }

    private static byte[] read(MfsClient c, long inode, int length) throws MfsException {
        byte[] buf = new byte[length];
        try (FileHandle h = c.open(ROOT, inode, false)) {
            int off = 0;
            while (off < length) {
                int n = h.read(off, buf, off, length - off);
                if (n <= 0) {
                    return Arrays.copyOf(buf, off);
                }
                off += n;
            }
        }
        return buf;
    }

    /**
     * Stops every worker, waits for its thread, closes it, prints the tally under {@code label} and
     * returns the number of acknowledged changes.
     */
    static long stopAll(List<CrashWorkload> workers, List<Thread> threads, String label, long seed, int kills)
            throws InterruptedException {
        workers.forEach(CrashWorkload::stop);
        for (Thread t : threads) {
            t.join(60_000);
        }
        workers.forEach(CrashWorkload::close);
        long acked = workers.stream().mapToLong(CrashWorkload::acknowledged).sum();
        long failed = workers.stream().mapToLong(CrashWorkload::failures).sum();
        System.err.printf("%s (seed %d): %d kills, %d acknowledged changes, %d failed calls%n", label, seed, kills,
                acked, failed);
        return acked;
    }

    void close() {
        client.close();
    }
}
