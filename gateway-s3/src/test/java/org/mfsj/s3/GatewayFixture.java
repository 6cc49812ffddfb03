package org.mfsj.s3;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import org.mfsj.client.memory.InMemoryMfsClient;
import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.auth.Users;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real gateway (Jetty on a free loopback port) over the in-memory file system, and SDK clients
 * at their default settings (aws-chunked uploads with CRC32 trailers) for the door's unit tests.
 */
public final class GatewayFixture implements AutoCloseable {
    public static final String AK = "AKTESTER";
    public static final String SK = "secret/for+the-test";
    public static final String DOMAIN = "s3.test";

    public final InMemoryMfsClient fs = new InMemoryMfsClient();
    public final S3Server server;
    public final S3Client s3;

    public GatewayFixture() throws Exception {
        this(S3Config.defaults().withListen("127.0.0.1", 0).withDomain(DOMAIN).withMinPartSize(5),
                Clock.systemUTC());
    }

    public GatewayFixture(S3Config cfg, Clock clock) throws Exception {
        server = S3Server.start(cfg, fs, Users.of(new S3User(AK, SK, 1000, 1000), new S3User("OTHER", "other", 2000,
                2000)), clock);
        s3 = client(AK, SK, true);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public S3Client client(String ak, String sk, boolean pathStyle) {
        var b = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ak, sk)));
        if (pathStyle) {
            return b.endpointOverride(endpoint()).forcePathStyle(true)
                    .httpClient(ApacheHttpClient.builder().build()).build();
        }
        // virtual-host style, as the SDK does by default: every name under the domain is this gateway
        return b.endpointOverride(URI.create("http://" + DOMAIN + ":" + server.port()))
                .httpClient(ApacheHttpClient.builder()
                        .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build())
                .build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(endpoint())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AK, SK))).build();
    }

    @Override
    public void close() {
        s3.close();
        server.close();
    }
}
