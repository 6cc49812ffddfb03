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
import org.mfsj.s3.tls.SelfSignedKeyStore;
import org.mfsj.tools.cluster.ClusterLayout;
import org.mfsj.tools.cluster.Door;

/**
 * The S3 gateway of a local cluster: {@code mfs s3 -c etc/mfss3.cfg} on 127.0.0.1. Unless given,
 * one user is made with random keys, mapped to the uid/gid of whoever ran {@code mfs up}. With
 * TLS, HTTPS is served beside HTTP from a self-signed key store made here, whose certificate is
 * left in {@code etc/mfss3-cert.pem} for clients to trust.
 */
public final class S3Door implements Door {
    public static final String NAME = "s3";
    public static final String PORT_KEY = "s3.http";
    public static final String CONFIG = "mfss3.cfg";
    public static final String USERS = "mfss3users.cfg";
    public static final String TLS_PORT_KEY = "s3.https";
    public static final String KEY_STORE = "mfss3.p12";
    public static final String CERTIFICATE = "mfss3-cert.pem";

    private final String s3Root;
    private final List<String> userLines;
    private final boolean tls;

    /** Buckets at the namespace root, one generated user. */
    public S3Door() {
        this("/", List.of(), false);
    }

    /**
     * @param userLines users file lines ({@code ACCESS_KEY SECRET_KEY UID GID}); empty = one generated user
     * @param tls whether to serve HTTPS too, from a self-signed key store made on first start
     */
    public S3Door(String s3Root, List<String> userLines, boolean tls) {
        this.s3Root = s3Root;
        this.userLines = List.copyOf(userLines);
        this.tls = tls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> portKeys() {
        return tls ? List.of(PORT_KEY, TLS_PORT_KEY) : List.of(PORT_KEY);
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
                    + "DOMAIN = localhost\n"
                    + (tls ? tlsConfig(layout, ports) : ""));
        }
    }

    private static String tlsConfig(ClusterLayout layout, Properties ports) throws IOException {
        Path store = layout.config(KEY_STORE);
        String password = HexFormat.of().formatHex(randomBytes(12));
        Files.deleteIfExists(store);
        SelfSignedKeyStore keys = SelfSignedKeyStore.create(store, password);
        keys.writeCertificatePem(layout.config(CERTIFICATE));
        return "TLS_KEYSTORE = " + KEY_STORE + "\n"
                + "TLS_KEYSTORE_PASSWORD = " + password + "\n"
                + "TLS_LISTEN_PORT = " + ports.getProperty(TLS_PORT_KEY) + "\n";
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String generatedUser() {
        byte[] ak = randomBytes(8);
        byte[] sk = randomBytes(20);
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
        String https = tls ? ", https://127.0.0.1:" + ports.getProperty(TLS_PORT_KEY) + " (certificate "
                + layout.config(CERTIFICATE) + ")" : "";
        return "http://127.0.0.1:" + ports.getProperty(PORT_KEY) + https + " (keys in " + layout.config(USERS) + ")";
    }
}
