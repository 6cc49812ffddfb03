package org.mfsj.tools.cluster.doors;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.ClusterLayout;
import org.mfsj.tools.cluster.Door;

/**
 * The S3 gateway of a local cluster: {@code mfs s3 -c etc/mfss3.cfg} on 127.0.0.1. Unless given,
 * one user is made with random keys, mapped to the uid/gid of whoever ran {@code mfs up}.
 */
public final class S3Door implements Door {
    public static final String PORT_KEY = "s3.http";
    public static final String CONFIG = "mfss3.cfg";
    public static final String USERS = "mfss3users.cfg";

    private final String s3Root;
    private final List<String> userLines;

    /** Buckets at the namespace root, one generated user. */
    public S3Door() {
        this("/", List.of());
    }

    /**
     * @param userLines users file lines ({@code ACCESS_KEY SECRET_KEY UID GID}); empty = one generated user
     */
    public S3Door(String s3Root, List<String> userLines) {
        this.s3Root = s3Root;
        this.userLines = List.copyOf(userLines);
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public List<String> portKeys() {
        return List.of(PORT_KEY);
    }

    @Override
    public void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) throws IOException {
        Files.createDirectories(layout.etc());
        Path users = layout.config(USERS);
        if (!Files.exists(users)) {
            List<String> lines = userLines.isEmpty() ? List.of(generatedUser()) : userLines;
            Files.writeString(users, "# ACCESS_KEY SECRET_KEY UID GID\n" + String.join("\n", lines) + "\n");
        }
        Path cfg = layout.config(CONFIG);
        if (!Files.exists(cfg)) {
            Files.writeString(cfg, "# S3 gateway of this local cluster\n"
                    + "LISTEN_HOST = 127.0.0.1\n"
                    + "LISTEN_PORT = " + ports.getProperty(PORT_KEY) + "\n"
                    + "MASTER_HOST = " + master.host() + "\n"
                    + "MASTER_PORT = " + master.port() + "\n"
                    + "S3_ROOT = " + s3Root + "\n"
                    + "USERS_FILE = " + USERS + "\n"
                    + "DOMAIN = localhost\n");
        }
    }

    private static String generatedUser() {
        SecureRandom rnd = new SecureRandom();
        byte[] ak = new byte[8];
        byte[] sk = new byte[20];
        rnd.nextBytes(ak);
        rnd.nextBytes(sk);
        UnixSystem me = new UnixSystem();
        return "MFS" + HexFormat.of().withUpperCase().formatHex(ak) + " " + HexFormat.of().formatHex(sk) + " "
                + me.getUid() + " " + me.getGid();
    }

    @Override
    public List<String> arguments(ClusterLayout layout) {
        return List.of("s3", "-c", layout.config(CONFIG).toString());
    }

    @Override
    public boolean isReady(ClusterLayout layout, Properties ports) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.getProperty(PORT_KEY))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String describe(ClusterLayout layout, Properties ports) {
        return "http://127.0.0.1:" + ports.getProperty(PORT_KEY) + " (keys in " + layout.config(USERS) + ")";
    }
}
