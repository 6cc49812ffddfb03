package org.mfsj.tools.cluster.doors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.fuse.MountTable;
import org.mfsj.tools.cluster.ClusterLayout;
import org.mfsj.tools.cluster.Door;

/** The FUSE mount of a local cluster, at DIR/mnt, configured by DIR/etc/mfsmount.cfg. */
public final class MountDoor implements Door {
    public static final String NAME = "mount";
    private static final String CONFIG = "mfsmount.cfg";

    private static final List<String> LIBFUSE_DIRS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib");

    /**
     * Whether this machine can mount at all: /dev/fuse and libfuse2 (what jnr-fuse loads). Without
     * them a local cluster starts without its mount rather than failing.
     */
    public static boolean available() {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return false;
        }
        return LIBFUSE_DIRS.stream().anyMatch(d -> Files.exists(Path.of(d, "libfuse.so.2")));
    }

    public static Path mountpoint(ClusterLayout layout) {
        return layout.dir().resolve("mnt");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> portKeys() {
        return List.of();
    }

    @Override
    public void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) throws IOException {
        // a mount point whose process died answers stat with an error: createDirectories would
        // throw, and 'mfs down' must still get to unmount it
        if (!MountTable.isMounted(mountpoint(layout))) {
            Files.createDirectories(mountpoint(layout));
        }
        Path cfg = layout.config(CONFIG);
        if (!Files.exists(cfg)) {
            Files.createDirectories(cfg.getParent());
            Files.writeString(cfg, "# mount options, as for 'mfs mount -o' (one list per line)\n"
                    + "mfsmaster=" + masterOption(master) + "\n" + otherUsersOption());
        }
    }

    /**
     * A cluster started by root is mounted for every user (permissions still checked by the
     * kernel: default_permissions), as a shared mfsmount is; anyone else cannot ask for that
     * unless /etc/fuse.conf allows it, so their mount stays their own.
     */
    private static String otherUsersOption() throws IOException {
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        return root ? "# started by root: other users may use the mount too\nallow_other\n" : "";
    }

    /** mfsmaster's value: every master as host:port, ';' between them (',' ends an -o option). */
    private static String masterOption(ServerAddress master) {
        return master.host().contains(":") ? master.host().replace(',', ';') : master.toString();
    }

    @Override
    public List<String> arguments(ClusterLayout layout) {
        return List.of("mount", mountpoint(layout).toString(), "-c", layout.config(CONFIG).toString(), "-f");
    }

    @Override
    public boolean isReady(ClusterLayout layout, Properties ports) {
        return MountTable.isMounted(mountpoint(layout)) && !MountTable.isStale(mountpoint(layout));
    }

    @Override
    public String describe(ClusterLayout layout, Properties ports) {
        return mountpoint(layout).toString();
    }

    /**
     * Unmounts, lazily when a plain unmount fails (busy, or its process gone or hung): the mount
     * must go whatever state its process is in.
     */
    @Override
    public void beforeStop(ClusterLayout layout) throws IOException {
        Path mp = mountpoint(layout);
        if (MountTable.isMounted(mp) && !MountTable.fusermountU(mp, false) && !MountTable.fusermountU(mp, true)
                && MountTable.isMounted(mp)) {
            throw new IOException("could not unmount " + mp + " (fusermount -u and -u -z failed); as root run"
                    + " 'umount -l " + mp + "'");
        }
    }

    @Override
    public void afterStop(ClusterLayout layout) throws IOException {
        beforeStop(layout);
    }
}
