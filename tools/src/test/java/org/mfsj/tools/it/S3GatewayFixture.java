package org.mfsj.tools.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mfsj.tools.cluster.DaemonProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real cluster plus the S3 gateway as its own process ({@code mfs s3 -c etc/mfss3.cfg}, started
 * by the same launcher as the cluster's daemons), serving the cluster's {@code /s3} directory.
 * Users: {@link #AK}/{@link #SK} as uid/gid 1000, and a second user as 2000.
 */
final class S3GatewayFixture implements AutoCloseable {
    static final String AK = "AKIDMOOSEFSJTEST";
    static final String SK = "mfsj/secret+key/for-tests";
    static final String S3_ROOT = "/s3";

    final ClusterFixture cluster;
    final int port;
    private final DaemonProcess gateway;

    S3GatewayFixture(Path dir) throws Exception {
        cluster = new ClusterFixture(dir);
        DaemonProcess started = null;
        try {
            port = freePort();
            Path etc = cluster.cluster.layout().etc();
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("mfss3users.cfg"), "# ACCESS_KEY SECRET_KEY UID GID\n"
                    + AK + " " + SK + " 1000 1000\nAKIDOTHERUSER other-secret 2000 2000\n");
            Files.writeString(etc.resolve("mfss3.cfg"), "LISTEN_HOST = 127.0.0.1\nLISTEN_PORT = " + port
                    + "\nMASTER_HOST = 127.0.0.1\nMASTER_PORT = " + cluster.cluster.masterAddress().port()
                    + "\nS3_ROOT = " + S3_ROOT + "\nUSERS_FILE = mfss3users.cfg\nDOMAIN = localhost\n");
            started = new DaemonProcess("s3", cluster.cluster.layout());
            started.start(List.of("-Xmx512m", "-XX:+UseParallelGC"),
                    List.of("s3", "-c", etc.resolve("mfss3.cfg").toString()));
            awaitPort(started);
        } catch (Exception | Error e) {
            if (started != null) {
                started.stop(Duration.ofSeconds(10));
            }
            cluster.close();
            throw e;
        }
        gateway = started;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The SDK at its defaults (aws-chunked uploads with CRC32 trailers, 100-continue), path style. */
    S3Client client(String ak, String sk) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ak, sk)))
                .httpClient(ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build()).build();
    }

    S3Client client() {
        return client(AK, SK);
    }

    String gatewayLog() {
        return gateway.logTail(40);
    }

    private void awaitPort(DaemonProcess d) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!d.isRunning()) {
                throw new IOException("the S3 gateway exited; its log:\n" + d.logTail(30));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the S3 gateway did not open port " + port + "; its log:\n" + d.logTail(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            gateway.stop(Duration.ofSeconds(15));
        } finally {
            cluster.close();
        }
    }
}
