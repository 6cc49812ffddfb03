package org.mfsj.tools.it;

import java.nio.file.Path;
import org.mfsj.fuse.MountTable;

/** A real cluster with one {@code mfs mount} of it, for a test class; close unmounts, then stops the cluster. */
final class MountedCluster implements AutoCloseable {
    final ClusterFixture fx;
    final MountProcess mount;

    private MountedCluster(ClusterFixture fx, MountProcess mount) {
        this.fx = fx;
        this.mount = mount;
    }

    /** The cluster in {@code dir}/cluster, mounted at {@code dir}/mnt with {@code options}. */
    static MountedCluster start(Path dir, String... options) throws Exception {
        ClusterFixture fx = new ClusterFixture(dir.resolve("cluster"));
        try {
            return new MountedCluster(fx, MountProcess.start(dir.resolve("mnt"), fx.cluster.masterAddress(), options));
        } catch (Exception | AssertionError e) {
            fx.close();
            throw e;
        }
    }

    Path path(String relative) {
        return mount.path(relative);
    }

    @Override
    public void close() throws Exception {
        try {
            mount.close();
            if (MountTable.isMounted(mount.path())) {
                throw new AssertionError(mount.path() + " still mounted after close");
            }
        } finally {
            fx.close();
        }
    }
}
