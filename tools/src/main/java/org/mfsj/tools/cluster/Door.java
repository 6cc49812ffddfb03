package org.mfsj.tools.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.mfsj.common.types.ServerAddress;

/**
 * A gateway or mount that a local cluster starts beside its master and chunkservers, as one more
 * process of its own. Doors start after the cluster is ready and stop before it.
 */
public interface Door {
    /** Process name, used for its pid file, log file and in {@code mfs up}'s summary. */
    String name();

    /** Keys of the ports this door needs; each is picked once and kept in {@code cluster.ports}. */
    List<String> portKeys();

    /** Writes the door's configuration under {@code layout.etc()} when it is not there yet. */
    void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) throws IOException;

    /** The {@code mfs} sub-command and arguments that run this door in the foreground. */
    List<String> arguments(ClusterLayout layout);

    /** True once the door serves: its port answers, its mount is mounted. */
    boolean isReady(ClusterLayout layout, Properties ports);

    /** Where users reach it, for the summary: an address or a mount point. */
    String describe(ClusterLayout layout, Properties ports);

    /**
     * Whether the door's config takes every master as {@code host:port,host:port} in the host
     * (master HA); a door that does not is given the first master only.
     */
    default boolean takesMasterList() {
        return true;
    }

    /** Runs before the process is asked to stop, e.g. to unmount. */
    default void beforeStop(ClusterLayout layout) {
    }
}
