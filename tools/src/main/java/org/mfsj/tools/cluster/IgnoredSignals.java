package org.mfsj.tools.cluster;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which signals a process ignores, from its {@code /proc/PID/status} (Linux). A JVM started with
 * SIGHUP ignored keeps it ignored, so a SIGHUP sent to such a master is never seen: the sender
 * must say so rather than report a reload that will not happen.
 */
public final class IgnoredSignals {
    /** SIGHUP's number. */
    public static final int SIGHUP = 1;

    private IgnoredSignals() {
    }

    /** Whether process {@code pid} ignores signal {@code number}; false when its status cannot be read. */
    public static boolean ignores(long pid, int number) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    return new BigInteger(line.substring("SigIgn:".length()).strip(), 16).testBit(number - 1);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
