package org.mfsj.s3.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigException;
import org.mfsj.s3.GatewayFixture;
import org.mfsj.s3.S3Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/** HTTPS from a key store beside plain HTTP, with the SDK at its defaults trusting a self-signed certificate. */
class TlsTest {
    @TempDir
    static Path dir;
    static SelfSignedKeyStore keys;
    static GatewayFixture gw;

    @BeforeAll
    static void start() throws Exception {
        keys = SelfSignedKeyStore.create(dir.resolve("s3.p12"), "store-secret");
        S3Config cfg = S3Config.defaults().withListen("127.0.0.1", 0).withTls(keys.tlsConfig(0, false));
        gw = new GatewayFixture(cfg, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    /** Records what the SDK signs the payload as, to prove which streaming form went over the wire. */
    static final class PayloadForms implements ExecutionInterceptor {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("x-amz-content-sha256").ifPresent(seen::add);
        }
    }

    private static S3Client httpsClient(int port, PayloadForms forms) throws Exception {
        return S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("https://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GatewayFixture.AK, GatewayFixture.SK)))
                .overrideConfiguration(o -> o.addExecutionInterceptor(forms))
                .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(keys::trustManagers).build())
                .build();
    }

    @Test
    void theSdkPutsAndGetsOverHttpsWithUnsignedStreamingTrailers() throws Exception {
        PayloadForms forms = new PayloadForms();
        try (S3Client s3 = httpsClient(gw.server.tlsPort(), forms)) {
            s3.createBucket(b -> b.bucket("secure"));
            byte[] body = new byte[200_000];
            new java.util.Random(5).nextBytes(body);
            var put = s3.putObject(b -> b.bucket("secure").key("a/b.bin"), RequestBody.fromBytes(body));
            var got = s3.getObjectAsBytes(b -> b.bucket("secure").key("a/b.bin").checksumMode(ChecksumMode.ENABLED));
            assertThat(got.asByteArray()).isEqualTo(body);
            assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32()).isNotNull();
            assertThat(forms.seen).contains("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        }
        // the plain listener serves the same namespace
        assertThat(gw.s3.headObject(b -> b.bucket("secure").key("a/b.bin")).contentLength()).isEqualTo(200_000);
        assertThat(gw.server.port()).isNotEqualTo(gw.server.tlsPort());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedTheHandshake() throws Exception {
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("https://127.0.0.1:" + gw.server.tlsPort()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GatewayFixture.AK, GatewayFixture.SK)))
                .httpClient(ApacheHttpClient.builder().build()).build()) {
            assertThatThrownBy(s3::listBuckets).hasStackTraceContaining("SSLHandshakeException");
        }
    }

    @Test
    void tlsOnlyServesNoPlainHttp() throws Exception {
        S3Config cfg = S3Config.defaults().withListen("127.0.0.1", 0).withTls(keys.tlsConfig(0, true));
        try (GatewayFixture only = new GatewayFixture(cfg, Clock.systemUTC())) {
            assertThat(only.server.port()).isEqualTo(-1);
            try (S3Client s3 = httpsClient(only.server.tlsPort(), new PayloadForms())) {
                assertThat(s3.listBuckets().buckets()).isEmpty();
            }
        }
    }

    @Test
    void configKeysAndTheirMistakes() throws Exception {
        Path cfgFile = Files.writeString(dir.resolve("mfss3.cfg"), "TLS_KEYSTORE = s3.p12\n"
                + "TLS_KEYSTORE_PASSWORD = store-secret\nTLS_LISTEN_PORT = 9444\nTLS_ONLY = 1\n");
        TlsConfig tls = S3Config.load(cfgFile).tls();
        assertThat(tls.keyStore()).isEqualTo(dir.resolve("s3.p12"));
        assertThat(tls.port()).isEqualTo(9444);
        assertThat(tls.only()).isTrue();
        assertThat(KeyStores.load(tls).isKeyEntry(SelfSignedKeyStore.ALIAS)).isTrue();
        assertThat(S3Config.defaults().tls().enabled()).isFalse();

        Path onlyNoStore = Files.writeString(dir.resolve("only.cfg"), "TLS_ONLY = 1\n");
        assertThatThrownBy(() -> S3Config.load(onlyNoStore)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TLS_ONLY = 1 needs TLS_KEYSTORE");
        TlsConfig wrongPassword = new TlsConfig(keys.file(), "not-it", "PKCS12", 0, false);
        assertThatThrownBy(() -> KeyStores.load(wrongPassword)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3.p12").hasMessageContaining("TLS_KEYSTORE_PASSWORD");
        TlsConfig missing = new TlsConfig(dir.resolve("nope.p12"), "x", "PKCS12", 0, false);
        assertThatThrownBy(() -> KeyStores.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.p12");
    }
}
