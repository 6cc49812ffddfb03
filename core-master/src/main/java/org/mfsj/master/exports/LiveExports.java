package org.mfsj.master.exports;

import java.time.Instant;
import java.util.function.Supplier;
import org.mfsj.common.config.ConfigException;
import org.mfsj.master.meta.ExportsSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exports in force on this master: the cluster's (replicated through the changelog) once any
 * master has set them, this master's own file before that. Parsed again only when the cluster's
 * change. Text that does not parse here (a user name this machine lacks, say) leaves the last good
 * exports in force and says so once. Any thread (connections ask from their I/O threads).
 */
public final class LiveExports {
    private static final Logger LOG = LoggerFactory.getLogger(LiveExports.class);

    private final Supplier<ExportsSet> cluster;
    private ExportsSource local;
    private ExportsSet parsedFrom;
    private Exports current;

    public LiveExports(Supplier<ExportsSet> cluster, ExportsSource local) {
        this.cluster = cluster;
        this.local = local;
        this.current = local.rules();
    }

    /** Exports fixed to {@code rules} (tests, tools). */
    public static LiveExports of(Exports rules) {
        return new LiveExports(() -> null, new ExportsSource(null, "", 0, rules));
    }

    /** This master's file was read again: in force while the cluster has no exports of its own. */
    public synchronized void local(ExportsSource file) {
        local = file;
        if (parsedFrom == null) {
            current = file.rules();
        }
    }

    public synchronized Exports current() {
        ExportsSet set = cluster.get();
        if (set != null && set != parsedFrom) {
            parsedFrom = set;
            String source = describe(set);
            try {
                current = new Exports(ExportsFile.parse(source, set.text()), source);
            } catch (ConfigException e) {
                LOG.error("the cluster's exports do not parse on this master, the previous ones stay in force: {}",
                        e.getMessage());
            }
        }
        return current;
    }

    /** How refusals name the cluster's exports: the file they came from, its master and when it was edited. */
    static String describe(ExportsSet set) {
        return "the cluster's exports (" + set.origin() + ", edited " + Instant.ofEpochMilli(set.editedMillis()) + ")";
    }
}
