package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.tools.it.ClientCalls.readAll;
import static org.mfsj.tools.it.ClientCalls.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Master HA keeps a file that was unlinked while open: its holders are replicated state, so the
 * leader elected after the old one's kill -9 keeps the file (no name, no trash) for the client
 * that has it open, which reads and writes it through the new leader; the file goes when that
 * client closes it. A file unlinked while nobody has it open goes at once, as before.
 */
class MasterOpenFilesIT {
    private static final int SIZE = 3 << 20;

    @TempDir
    Path tmp;

    @Test
    void anUnlinkedOpenFileOutlivesTheLeaderThatUnlinkedIt() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            MfsClient c = f.client();
            long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
            c.setTrashTime(ClusterFixture.ROOT, dir, 0, false);
            long kept = c.create(ClusterFixture.ROOT, dir, "kept", 0644).inode();
            long gone = c.create(ClusterFixture.ROOT, dir, "gone", 0644).inode();
            byte[] data = new byte[SIZE];
            new Random(42).nextBytes(data);
            String leader = group.awaitLeader(null, Duration.ofSeconds(10));
            try (MfsClient holder = MfsClient.connect(ClientConfig.of(f.cluster.masterAddresses())
                    .withClientInfo("holder"))) {
                FileHandle h = holder.open(ClusterFixture.ROOT, kept, true);
                h.write(0, data, 0, data.length);
                h.fsync();
                c.unlink(ClusterFixture.ROOT, dir, "kept");
                c.unlink(ClusterFixture.ROOT, dir, "gone");
                assertThat(status(() -> c.getattr(gone))).as("a file unlinked while closed").isEqualTo(Status.ENOENT);
                assertThat(c.getattr(kept).nlink()).as("links of the unlinked open file").isZero();

                long servers = c.clusterStatus().servers().stream().filter(s -> s.connected()).count();
                f.cluster.kill9(leader);
                String next = group.awaitLeader(leader, Duration.ofSeconds(15));
                assertThat(next).isNotEqualTo(leader);
                // reads need the chunkservers registered with the new leader (they know where the copies are)
                ClusterFixture.await("chunkservers registered with " + next, Duration.ofSeconds(20), () -> {
                    try {
                        return c.clusterStatus().servers().stream().filter(s -> s.connected()).count() == servers;
                    } catch (MfsException e) {
                        return false;
                    }
                });

                assertThat(readAll(h)).as("bytes read through the new leader").isEqualTo(data);
                byte[] more = new byte[1 << 20];
                new Random(7).nextBytes(more);
                h.write(SIZE, more, 0, more.length);
                h.fsync();
                byte[] both = Arrays.copyOf(data, SIZE + more.length);
                System.arraycopy(more, 0, both, SIZE, more.length);
                assertThat(readAll(h)).as("bytes after a write through the new leader").isEqualTo(both);
                h.close();
                ClusterFixture.await("the closed unlinked file freed", Duration.ofSeconds(20),
                        () -> status(() -> c.getattr(kept)) == Status.ENOENT);
            }
            // the killed master replays the holds and the release from its log and the new leader's
            f.cluster.start(leader);
            assertThat(group.awaitInStep(Duration.ofSeconds(60)).version()).isPositive();
        }
    }
}
