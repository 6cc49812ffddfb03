package org.mfsj.tools.cluster.doors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.ClusterLayout;
import org.mfsj.tools.cluster.Door;

/**
 * The NFS gateway of a local cluster: the whole namespace exported to this machine, read-write,
 * root not squashed (it is the developer's own cluster), and not registered with the system's
 * rpcbind, so clients name the ports: {@code nfs://127.0.0.1/?nfsport=N&mountport=M&version=3}.
 */
public final class NfsDoor implements Door {
    public static final String NFS_PORT = "nfs.nfs";
    public static final String MOUNT_PORT = "nfs.mount";
    private static final String CONFIG = "mfsnfs.cfg";

    @Override
    public String name() {
        return "nfs";
    }

    @Override
    public List<String> portKeys() {
        return List.of(NFS_PORT, MOUNT_PORT);
    }

    @Override
    public void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) throws IOException {
        Path cfg = layout.config(CONFIG);
        if (Files.exists(cfg)) {
            return;
        }
        Files.writeString(cfg, String.join("\n",
                "# NFS gateway of this local cluster (written by mfs up; edit freely, it is kept)",
                "MASTER_HOST = " + master.host(),
                "MASTER_PORT = " + master.port(),
                "NFS_LISTEN_HOST = 127.0.0.1",
                "NFS_LISTEN_PORT = " + ports.getProperty(NFS_PORT),
                "MOUNT_LISTEN_PORT = " + ports.getProperty(MOUNT_PORT),
                "RPCBIND_REGISTER = 0",
                "# a local cluster restarts often: a short NFSv4 grace period after each start",
                "NFS4_GRACE_SECONDS = 10",
                "EXPORT_1 = / 127.0.0.1 rw,no_root_squash,insecure",
                ""));
    }

    @Override
    public List<String> arguments(ClusterLayout layout) {
        return List.of("nfs", "-c", layout.config(CONFIG).toString());
    }

    @Override
    public boolean isReady(ClusterLayout layout, Properties ports) {
        return answers(ports.getProperty(NFS_PORT)) && answers(ports.getProperty(MOUNT_PORT));
    }

    @Override
    public String describe(ClusterLayout layout, Properties ports) {
        return "nfs://127.0.0.1/?nfsport=" + ports.getProperty(NFS_PORT) + "&mountport="
                + ports.getProperty(MOUNT_PORT) + "&version=3";
    }

    private static boolean answers(String port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
