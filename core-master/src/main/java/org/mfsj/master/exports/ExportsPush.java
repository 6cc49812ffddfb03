package org.mfsj.master.exports;

import java.time.Instant;
import org.mfsj.master.meta.ExportsSet;
import org.mfsj.master.meta.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a leading master writes its own mfsexports.cfg into the changelog as the cluster's exports.
 * At the start of its leadership: when the cluster has none yet, or when its file was edited after
 * the file the cluster's came from (so an edit on any master reaches all of them at its next start
 * or leadership, and a master with a stale copy never undoes a newer edit). On SIGHUP: whenever
 * its file differs, since the operator asked for it. Runs on the master thread of the leader.
 */
public final class ExportsPush {
    private static final Logger LOG = LoggerFactory.getLogger(ExportsPush.class);

    private ExportsPush() {
    }

    /** Returns whether {@code local} became the cluster's exports. */
    public static boolean atLeadership(ExportsSource local, Journal journal, String self) {
        ExportsSet cluster = journal.state().exports();
        if (!local.exists() || (cluster != null && cluster.text().equals(local.text()))) {
            return false;
        }
        if (cluster != null && local.editedMillis() <= cluster.editedMillis()) {
            LOG.warn("{} (edited {}) differs from {}, which stay in force; edit the file and send SIGHUP to the "
                    + "leading master to change them", local.file(), Instant.ofEpochMilli(local.editedMillis()),
                    LiveExports.describe(cluster));
            return false;
        }
        record(local, journal, self, cluster);
        return true;
    }

    /** The operator asked for {@code local}: it becomes the cluster's exports if it differs. */
    public static boolean onReload(ExportsSource local, Journal journal, String self) {
        ExportsSet cluster = journal.state().exports();
        if (!local.exists()) {
            LOG.warn("exports reload on master {}: it names no exports file (EXPORTS_FILENAME); nothing changed",
                    self);
            return false;
        }
        if (cluster != null && cluster.text().equals(local.text())) {
            LOG.info("exports reload on master {}: {} holds the cluster's exports already", self, local.file());
            return false;
        }
        record(local, journal, self, cluster);
        return true;
    }

    private static void record(ExportsSource local, Journal journal, String self, ExportsSet cluster) {
        journal.record(new ExportsSet(local.text(), local.editedMillis(), local.file() + " on master " + self), null);
        LOG.info("exports of {} (edited {}) are now the cluster's{}", local.file(),
                Instant.ofEpochMilli(local.editedMillis()),
                cluster == null ? "" : ", replacing " + LiveExports.describe(cluster));
    }
}
