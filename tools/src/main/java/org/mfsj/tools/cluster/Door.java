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

    /**
     * Writes the door's configuration under {@code layout.etc()} when it is not there yet; with
     * master HA {@code master} carries every master as {@code host:port,host:port} in its host.
     */
    void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) throws IOException;

    /** The {@code mfs} sub-command and arguments that run this door in the foreground. */
    List<String> arguments(ClusterLayout layout);

    /** True once the door serves: its port answers, its mount is mounted. */
    boolean isReady(ClusterLayout layout, Properties ports);

    /** Where users reach it, for the summary: an address or a mount point. */
    String describe(ClusterLayout layout, Properties ports);

    /** Runs before the process is asked to stop, e.g. to unmount; throws what it could not do. */
    default void beforeStop(ClusterLayout layout) throws IOException {
    }

    /** Runs once the process is gone (or could not be stopped), e.g. to remove a mount it left. */
    default void afterStop(ClusterLayout layout) throws IOException {
    }
}
