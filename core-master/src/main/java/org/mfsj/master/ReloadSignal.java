package org.mfsj.master;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP re-reads the exports file. A process started with SIGHUP ignored (under nohup, or by a
 * parent that ignores it) keeps it ignored: the JVM then installs no handler, and no SIGHUP would
 * ever reload the exports. That is said once, at start, with what to do, rather than discovered
 * when an edit of the exports never takes effect.
 */
final class ReloadSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {
    }

    /** Runs {@code reload} on each SIGHUP; false (and a warning logged) when SIGHUP is ignored in this process. */
    static boolean install(Runnable reload) {
        SignalHandler before = Signal.handle(new Signal("HUP"), s -> reload.run());
        if (before == SignalHandler.SIG_IGN) {
            LOG.warn("SIGHUP is ignored in this process (pid {}; started under nohup or by a parent that ignores it): "
                    + "kill -HUP will not reload the exports file; start the master with SIGHUP at its default "
                    + "(e.g. env --default-signal=HUP ...) and restart it to reload", ProcessHandle.current().pid());
            return false;
        }
        return true;
    }
}
