package org.mfsj.tools.cluster;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets daemons that a test JVM started end when that JVM ends. A daemon is started detached so it
 * outlives {@code mfs up}; a test fork killed on a timeout would leave it running for hours. When
 * the starter runs with {@value #ENABLE} set, each daemon it starts is told the starter's pid and
 * exits (through its shutdown hooks, as on SIGTERM: a mount unmounts) once that process is gone.
 */
public final class StarterWatch {
    /** System property of the starting JVM that turns the watch on for the daemons it starts. */
    public static final String ENABLE = "mfs.daemons.exitWithStarter";
    /** System property a daemon gets: the pid of the process whose end it follows. */
    static final String STARTER_PID = "mfs.starterPid";
    private static final Logger LOG = LoggerFactory.getLogger(StarterWatch.class);

    private StarterWatch() {
    }

    /** JVM options to add to a daemon started from this JVM: none unless {@value #ENABLE} is set. */
    public static List<String> jvmOptions() {
        if (!Boolean.getBoolean(ENABLE)) {
            return List.of();
        }
        ProcessHandle me = ProcessHandle.current();
        return List.of("-D" + STARTER_PID + "=" + me.pid());
    }

    /** In a daemon: exit when the starter named by {@value #STARTER_PID} has gone. */
    public static void followStarter() {
        String pid = System.getProperty(STARTER_PID);
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> starter;
        try {
            starter = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            LOG.warn("ignoring {}={}: not a pid", STARTER_PID, pid);
            return;
        }
        if (starter.isEmpty() || !starter.get().isAlive()) {
            exit(pid);
            return;
        }
        starter.get().onExit().thenRun(() -> exit(pid));
    }

    private static void exit(String pid) {
        LOG.warn("starter process {} is gone: exiting", pid);
        // System.exit runs the shutdown hooks; from the onExit thread it cannot deadlock with main
        new Thread(() -> System.exit(0), "starter-gone").start();
    }
}
