package org.mfsj.tools.it;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import org.mfsj.tools.cluster.doors.S3Door;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real cluster plus the S3 gateway as its own process ({@code mfs s3 -c etc/mfss3.cfg}, started
 * as a door of the local cluster, as {@code mfs up} does), serving the cluster's {@code /s3} directory
 * over HTTP and, with a self-signed certificate, HTTPS.
 * Users: {@link #AK}/{@link #SK} as uid/gid 1000, and a second user as 2000.
 */
final class S3GatewayFixture implements AutoCloseable {
    static final String AK = "AKIDMOOSEFSJTEST";
    static final String SK = "mfsj/secret+key/for-tests";
    static final String S3_ROOT = "/s3";

    final ClusterFixture cluster;
    final int port;
    final int tlsPort;

    S3GatewayFixture(Path dir) throws Exception {
        cluster = new ClusterFixture(dir, List.of(new S3Door(S3_ROOT, List.of(AK + " " + SK + " 1000 1000",
                "AKIDOTHERUSER other-secret 2000 2000"), true)));
        port = cluster.cluster.doorPort(S3Door.PORT_KEY);
        tlsPort = cluster.cluster.doorPort(S3Door.TLS_PORT_KEY);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI tlsEndpoint() {
        return URI.create("https://127.0.0.1:" + tlsPort);
    }

    /** The gateway's self-signed certificate as PEM, for curl --cacert and aws --ca-bundle. */
    Path certificate() {
        return cluster.cluster.layout().config(S3Door.CERTIFICATE);
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

    /** The SDK at its defaults over HTTPS, trusting the gateway's certificate alone. */
    S3Client tlsClient(ExecutionInterceptor watcher) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate())) {
            trust.setCertificateEntry("mfss3", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(tlsEndpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AK, SK)))
                .overrideConfiguration(o -> o.addExecutionInterceptor(watcher))
                .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers).build()).build();
    }

    String gatewayLog() {
        return cluster.cluster.daemon("s3").logTail(40);
    }

    @Override
    public void close() throws java.io.IOException {
        cluster.close();
    }
}
