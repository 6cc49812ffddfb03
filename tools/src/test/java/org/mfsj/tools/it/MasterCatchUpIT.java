package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.master.image.MetaDump;
import org.mfsj.master.image.MetaStore;
import org.mfsj.tools.MfsMain;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * Master HA catch-up with real processes: three voting masters, every link between them through a
 * proxy. (a) A follower frozen (SIGSTOP) while 100,000 changes are made catches up from the
 * leader's entries once thawed. (b, d) With the leader's older changelog files dropped after two
 * images, a follower stopped meanwhile is sent the image instead; its link to the leader is cut
 * mid-image and, once healed, the transfer goes on from the bytes it held, not from the start.
 * (c) A follower whose data directory was wiped comes back through the image too, and votes again
 * only once caught up. Each time the follower ends at the leader's version with the same metadata,
 * compared as dumps of the two data directories.
 */
class MasterCatchUpIT {
    private static final int CHANGES = 100_000;
    private static final int WRITERS = 64;
    private static final int CLIENTS = 8;
    /** Slow enough that the test can cut the link mid-image. */
    private static final int IMAGE_RATE_KB = 4096;
    private static final Pattern ROOT_ATIME = Pattern.compile("(?m)^(I 1 DIRECTORY .*?) atime \\d+");
    private static final Pattern PROGRESS = Pattern.compile("installing image of version (\\d+): (\\d+)/(\\d+) bytes");

    @TempDir
    Path tmp;

    private LocalCluster cluster;
    private MasterGroup group;

    @Test
    void followersFarBehindCatchUpFromEntriesAndFromTheImage() throws Exception {
        cluster = new LocalCluster(tmp.resolve("c"), new PrintStream(PrintStream.nullOutputStream()), List.of(),
                false, 3);
        for (String m : cluster.masterNames()) {
            Files.writeString(cluster.layout().config("mfs" + m + ".cfg"), """
                    # small changelog files, few kept: old ones go after two images
                    CHANGELOG_SEGMENT_MB = 1
                    BACK_LOGS = 1
                    HA_IMAGE_RATE_KB = %d
                    """.formatted(IMAGE_RATE_KB), StandardOpenOption.APPEND);
        }
        ProxiedMasters proxies = new ProxiedMasters(cluster);
        try (proxies) {
            cluster.up(Duration.ofSeconds(90));
            group = new MasterGroup(cluster);
            try (Writers w = new Writers(cluster.masterAddresses())) {
                frozenFollowerCatchesUpFromEntries(w, leader(), follower(0));
                followerPastTheKeptLogGetsTheImageAndResumesItAfterACut(w, proxies, leader(), follower(1));
                wipedFollowerComesBackThroughTheImage(leader(), follower(0));
            }
        } catch (Exception | AssertionError e) {
            for (String m : cluster.masterNames()) {
                System.err.println("---- " + m + " log, last lines:\n" + cluster.daemon(m).logTail(60));
            }
            throw e;
        } finally {
            cluster.down();
        }
    }

    private String leader() throws InterruptedException {
        return group.awaitLeader(null, Duration.ofSeconds(15));
    }

    /** The {@code i}-th master that does not lead now. */
    private String follower(int i) throws InterruptedException {
        String leader = leader();
        return cluster.masterNames().stream().filter(n -> !n.equals(leader)).toList().get(i);
    }

    /** (a) */
    private void frozenFollowerCatchesUpFromEntries(Writers w, String leader, String follower) throws Exception {
        cluster.pause(follower);
        long started = System.nanoTime();
        try {
            w.write("a", CHANGES);
        } finally {
            cluster.resume(follower);
        }
        System.err.printf("catch-up (a): %d changes written in %d ms with %s frozen%n", CHANGES,
                (System.nanoTime() - started) / 1_000_000, follower);
        long thawed = System.nanoTime();
        MasterRoleReply inStep = group.awaitInStep(Duration.ofSeconds(60));
        System.err.printf("catch-up (a): %s at version %d %d ms after it was thawed%n", follower, inStep.version(),
                (System.nanoTime() - thawed) / 1_000_000);
        assertThat(inStep.version()).isGreaterThan(CHANGES);
        assertSameMetadata(leader, follower);
        assertThat(mfs("status")).as("mfs status: every master at the leader's version")
                .containsPattern("(?s)(" + inStep.version() + ".*){3}");
    }

    /** (b) and (d) */
    private void followerPastTheKeptLogGetsTheImageAndResumesItAfterACut(Writers w, ProxiedMasters proxies,
            String leader, String follower) throws Exception {
        long behind = versionOf(follower);
        cluster.stop(follower);
        w.write("d1", 2_000);
        assertThat(mfs("saveimage")).contains("image saved");
        w.write("d2", 500);
        assertThat(mfs("saveimage")).contains("image saved");
        int l = cluster.masterNames().indexOf(leader);
        int f = cluster.masterNames().indexOf(follower);
        // a third of the image reaches the follower, then the relay holds the rest: the transfer
        // stops midway whatever the machine's load (watching for a window of its progress missed it)
        long imageBytes = Files.size(cluster.layout().data(leader).resolve("metadata.mfs"));
        proxies.link(l, f).holdAfter(imageBytes / 3);
        cluster.start(follower);
        long restarted = System.nanoTime();
        long oldest = oldestKeptVersion(leader);
        assertThat(oldest).as("the leader's oldest kept entry is past the frozen follower's last").isGreaterThan(
                behind + 1);
        Matcher before = awaitHeldImage(follower, proxies.link(l, f));
        long heldAtCut;
        proxies.cutBetween(l, f, true);
        try {
            Thread.sleep(300);
            heldAtCut = held(follower);
            System.err.printf("catch-up (b): link cut with %d of %s bytes of image version %s held%n", heldAtCut,
                    before.group(3), before.group(1));
            Thread.sleep(1000);
            assertThat(held(follower)).as("bytes held while cut off").isEqualTo(heldAtCut);
        } finally {
            proxies.cutBetween(l, f, false);
        }
        long lowestAfter = Long.MAX_VALUE;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (versionOf(follower) < Long.parseLong(before.group(1)) && System.nanoTime() < deadline) {
            long h = held(follower);
            if (h >= 0) {
                lowestAfter = Math.min(lowestAfter, h);
            }
            Thread.sleep(50);
        }
        assertThat(lowestAfter).as("the transfer went on from what was held, never from the start")
                .isGreaterThanOrEqualTo(heldAtCut);
        assertThat(Files.readString(cluster.layout().logFile(leader))).as("leader's log")
                .containsPattern("holds " + heldAtCut + " of \\d+ bytes of the image of version " + before.group(1)
                        + "; sending from there");
        group.awaitInStep(Duration.ofSeconds(60));
        System.err.printf("catch-up (b, d): %s in step %d ms after its restart (image of %s bytes at %d KiB/s,"
                + " link cut for 1.3 s)%n", follower, (System.nanoTime() - restarted) / 1_000_000, before.group(3),
                IMAGE_RATE_KB);
        assertThat(oldestKeptVersion(follower)).as("the follower's log starts after the image it was given")
                .isGreaterThan(Long.parseLong(before.group(1)));
        assertSameMetadata(leader, follower);
    }

    /** (c) */
    private void wipedFollowerComesBackThroughTheImage(String leader, String follower) throws Exception {
        cluster.stop(follower);
        Path data = cluster.layout().data(follower);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(data)).toList()) {
                Files.delete(p);
            }
        }
        cluster.start(follower);
        long started = System.nanoTime();
        group.awaitInStep(Duration.ofSeconds(60));
        System.err.printf("catch-up (c): wiped %s in step %d ms after its start%n", follower,
                (System.nanoTime() - started) / 1_000_000);
        // in step is the metadata in memory; it votes once its copy of the leader's commit is on disk
        ClusterFixture.await("wiped " + follower + " a voter once caught up", Duration.ofSeconds(10),
                () -> !Files.exists(data.resolve("raft.learner")));
        assertThat(Files.readString(cluster.layout().logFile(follower))).as("wiped follower's log")
                .contains("image of version").contains("installed");
        assertSameMetadata(leader, follower);
    }

    /** The follower's bytes held of the image being installed, from its role answer; -1 when none. */
    private long held(String master) {
        MasterRoleReply r = group.roles().get(cluster.masterNames().indexOf(master));
        Matcher m = r == null ? null : PROGRESS.matcher(r.catchUp());
        return m != null && m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    /**
     * Waits until {@code master} reports part of an image held and {@code link} (the leader's to it)
     * holds the rest back: the transfer stands still midway.
     */
    private Matcher awaitHeldImage(String master, TcpProxy link) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            MasterRoleReply r = group.roles().get(cluster.masterNames().indexOf(master));
            last = r == null ? "down" : r.catchUp();
            Matcher m = PROGRESS.matcher(last);
            if (link.holding() && m.find() && Long.parseLong(m.group(2)) > 0) {
                assertThat(Long.parseLong(m.group(2))).as("held midway").isLessThan(Long.parseLong(m.group(3)));
                assertThat(mfs("status")).as("mfs status shows the transfer").contains("installing image");
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(master + " held no part of an image while the link held the rest; last: " + last);
    }

    private long versionOf(String master) {
        MasterRoleReply r = group.roles().get(cluster.masterNames().indexOf(master));
        return r == null ? -1 : r.version();
    }

    /** The first version of the oldest changelog file in a master's data directory (from its header). */
    private long oldestKeptVersion(String master) throws Exception {
        long oldest = Long.MAX_VALUE;
        try (Stream<Path> files = Files.list(cluster.layout().data(master))) {
            for (Path p : files.filter(p -> p.getFileName().toString().matches("changelog\\.\\d+\\.mfs")).toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    ByteBuffer h = ByteBuffer.allocate(20);
                    ch.read(h, 0);
                    oldest = Math.min(oldest, h.getLong(12));
                }
            }
        }
        return oldest;
    }

    /** Both data directories hold the same metadata (image + changelog, read as a restart would). */
    private void assertSameMetadata(String a, String b) throws Exception {
        String da = dump(a);
        String db = dump(b);
        if (!da.equals(db)) {
            // a change (a session's) may have been on its way to the follower: in step again first
            group.awaitInStep(Duration.ofSeconds(30));
            da = dump(a);
            db = dump(b);
        }
        assertThat(db.lines().findFirst()).as("metadata version").isEqualTo(da.lines().findFirst());
        assertThat(db).as(b + "'s metadata against " + a + "'s").isEqualTo(da);
    }

    /**
     * The metadata in a master's data directory as text. The root's access time is left out: each
     * master makes the empty file system of a new group itself, at its own start time, and no
     * logged change sets the root's atime after that (mtime and ctime are set by the first mkdir).
     */
    private String dump(String master) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetaDump.print(MetaStore.recover(cluster.layout().data(master), Clock.systemUTC(), 2, false),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return ROOT_ATIME.matcher(out.toString(StandardCharsets.UTF_8)).replaceFirst("$1");
    }

    /** Runs the mfs tool in this JVM against every master; returns what it printed. */
    private String mfs(String command) {
        String masters = String.join(",", cluster.masterAddresses().stream().map(ServerAddress::toString).toList());
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = MfsMain.run(new String[] {command, "-H", masters});
            assertThat(exit).as("mfs " + command + " exit status; printed: " + out).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Many client threads making directories: a change each, acknowledged once a majority holds it. */
    private static final class Writers implements AutoCloseable {
        private final List<MfsClient> clients = new ArrayList<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

        Writers(List<ServerAddress> masters) throws Exception {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(MfsClient.connect(ClientConfig.of(masters).withClientInfo("catch-up-" + i)));
            }
        }

        void write(String name, int count) throws Exception {
            MfsClient c0 = clients.get(0);
            long top = c0.mkdir(ClusterFixture.ROOT, c0.rootInode(), name, 0755).inode();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                MfsClient c = clients.get(t % CLIENTS);
                int first = t * count / WRITERS;
                int end = (t + 1) * count / WRITERS;
                String dir = "w" + t;
                done.add(pool.submit(() -> {
                    long d = c.mkdir(ClusterFixture.ROOT, top, dir, 0755).inode();
                    for (int i = first; i < end; i++) {
                        c.mkdir(ClusterFixture.ROOT, d, "n" + i, 0755);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        @Override
        public void close() throws Exception {
            pool.shutdownNow();
            for (MfsClient c : clients) {
                c.close();
            }
        }
    }
}
