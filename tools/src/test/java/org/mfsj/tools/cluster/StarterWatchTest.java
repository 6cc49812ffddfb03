package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StarterWatchTest {

    /** A stand-in daemon: follows its starter, then waits to be ended. */
    public static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            StarterWatch.followStarter();
            Thread.sleep(120_000);
            System.exit(3);
        }
    }

    @Test
    void aDaemonExitsWhenItsStarterIsKilled() throws Exception {
        Process starter = new ProcessBuilder("sleep", "120").start();
        Process daemon = probe(starter.pid());
        try {
            assertThat(daemon.waitFor(1, TimeUnit.SECONDS)).as("exited while its starter lives").isFalse();
            starter.destroyForcibly().waitFor();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("exited after its starter died").isTrue();
            assertThat(daemon.exitValue()).isZero();
        } finally {
            starter.destroyForcibly();
            daemon.destroyForcibly();
        }
    }

    @Test
    void onlyAStarterThatAsksForItPassesItsPid() {
        String before = System.getProperty(StarterWatch.ENABLE);
        try {
            System.clearProperty(StarterWatch.ENABLE);
            assertThat(StarterWatch.jvmOptions()).isEmpty();
            System.setProperty(StarterWatch.ENABLE, "true");
            assertThat(StarterWatch.jvmOptions()).containsExactly("-Dmfs.starterPid=" + ProcessHandle.current().pid());
        } finally {
            if (before == null) {
                System.clearProperty(StarterWatch.ENABLE);
            } else {
                System.setProperty(StarterWatch.ENABLE, before);
            }
        }
    }

    private static Process probe(long starterPid) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-D" + StarterWatch.STARTER_PID + "=" + starterPid, "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
