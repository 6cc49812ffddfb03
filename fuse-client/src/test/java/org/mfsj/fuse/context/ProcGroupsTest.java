package org.mfsj.fuse.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcGroupsTest {
    @TempDir
    Path proc;

    private final AtomicLong now = new AtomicLong();

    private void status(int pid, String groups) throws Exception {
        Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(proc.resolve(pid + "/status"), "Name:\tbash\nUid:\t1000\t1000\t1000\t1000\n"
                + "Groups:\t" + groups + "\nVmPeak:\t1 kB\n");
    }

    @Test
    void groupsComeFromTheStatusFileAndAreCachedBriefly() throws Exception {
        ProcGroups g = new ProcGroups(proc, 100, now::get);
        status(42, "4 24 4242 ");
        assertThat(g.of(42)).containsExactly(4, 24, 4242);
        status(42, "7");
        assertThat(g.of(42)).as("cached").containsExactly(4, 24, 4242);
        now.addAndGet(100);
        assertThat(g.of(42)).containsExactly(7);
    }

    @Test
    void noGroupsAndGoneProcessesHaveNone() throws Exception {
        ProcGroups g = new ProcGroups(proc, 100, now::get);
        status(1, "");
        assertThat(g.of(1)).isEmpty();
        assertThat(g.of(999)).isEmpty();
        assertThat(ProcGroups.parse(" 65534 ")).containsExactly(65534);
    }
}
