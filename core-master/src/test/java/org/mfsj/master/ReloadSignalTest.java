package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SIGHUP that reloads the exports, in a JVM of its own started as a master would be: with the
 * signal at its default it reloads, and started with it ignored (as under nohup) it says so.
 */
class ReloadSignalTest {
    /** The child: installs the reload, says whether it could, and says each reload, until killed. */
    public static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("installed=" + ReloadSignal.install(() -> System.out.println("reloaded")));
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aMasterStartedWithSighupAtItsDefaultReloadsOnIt() throws Exception {
        List<String> out = run("--default-signal=HUP");
        assertThat(out).contains("installed=true", "reloaded");
        assertThat(String.join("\n", out)).doesNotContain("SIGHUP is ignored");
    }

    @Test
    void aMasterStartedWithSighupIgnoredSaysSoOnceAtStart() throws Exception {
        List<String> out = run("--ignore-signal=HUP");
        assertThat(out).contains("installed=false");
        assertThat(out).filteredOn(l -> l.contains("SIGHUP is ignored in this process")).hasSize(1)
                .allMatch(l -> l.contains("WARN") && l.contains("default-signal=HUP"));
    }

    /** Starts the probe under env's {@code disposition}, sends it SIGHUP once installed; its output lines. */
    private static List<String> run(String disposition) throws Exception {
        List<String> cmd = List.of("/usr/bin/env", disposition,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("installed=")) {
                    new ProcessBuilder("bash", "-c", "kill -HUP " + p.pid()).start().waitFor();
                    if (line.equals("installed=false")) {
                        break;
                    }
                }
                if (line.equals("reloaded")) {
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return lines;
    }
}
