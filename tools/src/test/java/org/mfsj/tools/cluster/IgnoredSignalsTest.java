package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A process's ignored signals as its status tells them, on processes started each way. */
class IgnoredSignalsTest {
    @Test
    void aProcessStartedWithSighupIgnoredIsToldApartFromOneWithItAtItsDefault() throws Exception {
        assertThat(ignoresHup("--ignore-signal=HUP")).isTrue();
        assertThat(ignoresHup("--default-signal=HUP")).isFalse();
        assertThat(IgnoredSignals.ignores(Long.MAX_VALUE, IgnoredSignals.SIGHUP)).as("no such process").isFalse();
    }

    private static boolean ignoresHup(String disposition) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/env", disposition, "sleep", "60").start();
        try {
            // env applies the disposition and then becomes sleep: wait until it has
            while (p.isAlive() && !p.info().command().orElse("").endsWith("sleep")) {
                Thread.sleep(5);
            }
            return IgnoredSignals.ignores(p.pid(), IgnoredSignals.SIGHUP);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
