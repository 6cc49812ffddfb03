package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;

/**
 * Malformed frames sent to every listening port of real daemons: the offending connection is
 * closed and the daemon goes on serving everyone else.
 */
class BadInputIT {
    @TempDir
    static Path tmp;

    private static ClusterFixture fx;
    private static byte[] digest;
    private static long inode;

    @BeforeAll
    static void startCluster() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        digest = fx.writeFile("f", 5 << 20, 9, 2);
        inode = fx.inodeOf("f");
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (fx != null) {
            fx.close();
        }
    }

    /** Frames that break the protocol in different ways: each must get its connection closed. */
    static List<byte[]> badFrames() throws IOException {
        return List.of(
                frame(1002, 0x7FFF_FFF0, new byte[0]),          // length far beyond the limit
                frame(1002, 2, new byte[] {0, 0}),              // too short to hold a message id
                frame(987_654, 4, new byte[] {0, 0, 0, 1}),     // unknown message type
                frame(1002, 12, new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}), // truncated Lookup payload
                frame(3001, 40, new byte[40]),                  // ReadBlocks with trailing bytes
                frame(2001, 8, new byte[] {0, 0, 0, 1, 0, 0, 0, 1}));  // truncated CsRegister
    }

    @Test
    void everyPortClosesTheOffenderAndKeepsServing() throws Exception {
        List<ServerAddress> ports = List.of(fx.cluster.masterAddress(), fx.cluster.masterChunkserverAddress(),
                fx.cluster.chunkserverAddress(1), fx.cluster.chunkserverAddress(2), fx.cluster.chunkserverAddress(3));
        for (ServerAddress port : ports) {
            for (byte[] bad : badFrames()) {
                assertThat(sendAndSeeClosed(port, bad)).as("connection to %s closed after a bad frame", port).isTrue();
            }
        }
        // the same daemons still serve a well-behaved client, data and metadata alike
        assertThat(fx.readDigest(inode)).isEqualTo(digest);
        assertThat(fx.client().getattr(inode).length()).isEqualTo(5 << 20);
        assertThat(fx.client().clusterStatus().servers()).filteredOn(s -> s.connected()).hasSize(3);
    }

    @Test
    void garbageThatIsNotEvenAFrameHeaderIsDroppedToo() throws Exception {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
        assertThat(sendAndSeeClosed(fx.cluster.masterAddress(), http)).isTrue();
        assertThat(fx.client().getattr(fx.client().rootInode()).isDirectory()).isTrue();
    }

    private static byte[] frame(int type, int length, byte[] payload) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(type);
        out.writeInt(length);
        out.write(payload);
        return bytes.toByteArray();
    }

    /** True when the server closes the connection (EOF or reset) within 10 s of the bad bytes. */
    private static boolean sendAndSeeClosed(ServerAddress to, byte[] bytes) throws IOException {
        try (Socket s = new Socket(to.host(), to.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                while (true) {
                    int b = in.read();
                    if (b < 0) {
                        return true;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }
}
