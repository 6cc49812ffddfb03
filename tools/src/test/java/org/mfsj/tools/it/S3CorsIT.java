package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CORS on a real gateway: bucket configurations through the SDK, browsers' preflights (OPTIONS,
 * unsigned) and the Access-Control-* headers of ordinary answers, errors included.
 */
class S3CorsIT {
    private static final String APP = "https://app.example.com";

    @TempDir
    Path tmp;

    private static HttpResponse<String> preflight(S3GatewayFixture fx, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.endpoint() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("no error");
    }

    @Test
    void configurationsPreflightsAndAnswerHeaders() throws Exception {
        try (S3GatewayFixture fx = new S3GatewayFixture(tmp.resolve("cluster")); S3Client s3 = fx.client()) {
            s3.createBucket(b -> b.bucket("web"));
            s3.putObject(p -> p.bucket("web").key("page.html"), RequestBody.fromString("<p>hi</p>"));
            assertThat(errorCode(() -> s3.getBucketCors(g -> g.bucket("web")))).isEqualTo("NoSuchCORSConfiguration");
            HttpResponse<String> off = preflight(fx, "/web/page.html",
                    Map.of("Origin", APP, "Access-Control-Request-Method", "GET"));
            assertThat(off.statusCode()).isEqualTo(403);
            assertThat(off.body()).contains("<Code>AccessForbidden</Code>").contains("CORS is not enabled");

            CORSRule app = CORSRule.builder().id("app").allowedOrigins(APP).allowedMethods("GET", "PUT")
                    .allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag").maxAgeSeconds(600).build();
            CORSRule anyone = CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build();
            s3.putBucketCors(p -> p.bucket("web").corsConfiguration(c -> c.corsRules(app, anyone)));
            assertThat(s3.getBucketCors(g -> g.bucket("web")).corsRules()).containsExactly(app, anyone);

            HttpResponse<String> put = preflight(fx, "/web/new.txt", Map.of("Origin", APP,
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "Content-Type, X-Amz-Date"));
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(put.headers().map()).containsEntry("access-control-allow-origin", List.of(APP))
                    .containsEntry("access-control-allow-credentials", List.of("true"))
                    .containsEntry("access-control-allow-methods", List.of("GET, PUT"))
                    .containsEntry("access-control-allow-headers", List.of("Content-Type, X-Amz-Date"))
                    .containsEntry("access-control-expose-headers", List.of("ETag"))
                    .containsEntry("access-control-max-age", List.of("600"));

            HttpResponse<String> elsewhere = preflight(fx, "/web/page.html",
                    Map.of("Origin", "https://other.example", "Access-Control-Request-Method", "GET"));
            assertThat(elsewhere.statusCode()).isEqualTo(200);
            assertThat(elsewhere.headers().firstValue("access-control-allow-origin")).hasValue("*");
            assertThat(elsewhere.headers().firstValue("access-control-allow-credentials")).isEmpty();
            for (Map<String, String> refused : List.of(
                    Map.of("Origin", "https://other.example", "Access-Control-Request-Method", "PUT"),
                    Map.of("Origin", APP, "Access-Control-Request-Method", "PUT",
                            "Access-Control-Request-Headers", "x-custom"),
                    Map.of("Origin", APP, "Access-Control-Request-Method", "DELETE"))) {
                HttpResponse<String> no = preflight(fx, "/web/page.html", refused);
                assertThat(no.statusCode()).as("%s", refused).isEqualTo(403);
                assertThat(no.body()).contains("<Code>AccessForbidden</Code>");
                assertThat(no.headers().firstValue("access-control-allow-origin")).isEmpty();
            }
            assertThat(preflight(fx, "/web/page.html", Map.of("Access-Control-Request-Method", "GET")).body())
                    .contains("<Code>BadRequest</Code>");
            assertThat(preflight(fx, "/no-such-bucket/x", Map.of("Origin", APP, "Access-Control-Request-Method",
                    "GET")).body()).contains("<Code>NoSuchBucket</Code>");

            // a signed GET from the app's page, and an unsigned one that is refused but still readable by the page
            ResponseBytes<GetObjectResponse> got = s3.getObject(g -> g.bucket("web").key("page.html")
                    .overrideConfiguration(o -> o.putHeader("Origin", APP)), ResponseTransformer.toBytes());
            assertThat(got.asUtf8String()).isEqualTo("<p>hi</p>");
            assertThat(got.response().sdkHttpResponse().firstMatchingHeader("Access-Control-Allow-Origin"))
                    .hasValue(APP);
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(fx.endpoint() + "/web/page.html")).header("Origin", APP).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(403);
            assertThat(anonymous.headers().firstValue("access-control-allow-origin")).hasValue(APP);
            ResponseBytes<GetObjectResponse> plain = s3.getObjectAsBytes(g -> g.bucket("web").key("page.html"));
            assertThat(plain.response().sdkHttpResponse().firstMatchingHeader("Access-Control-Allow-Origin")).isEmpty();

            assertThat(errorCode(() -> s3.putBucketCors(p -> p.bucket("web").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedOrigins(APP).allowedMethods("PATCH").build()))))).isEqualTo("InvalidRequest");
            assertThat(errorCode(() -> s3.putBucketCors(p -> p.bucket("web").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedOrigins("https://*.example.*").allowedMethods("GET").build())))))
                    .isEqualTo("InvalidRequest");
            assertThat(s3.getBucketCors(g -> g.bucket("web")).corsRules()).as("refused changes left it alone")
                    .containsExactly(app, anyone);
            try (S3Client wrong = fx.client(S3GatewayFixture.AK, "wrong")) {
                assertThat(errorCode(() -> wrong.deleteBucketCors(d -> d.bucket("web"))))
                        .isEqualTo("SignatureDoesNotMatch");
            }

            s3.deleteBucketCors(d -> d.bucket("web"));
            assertThat(errorCode(() -> s3.getBucketCors(g -> g.bucket("web")))).isEqualTo("NoSuchCORSConfiguration");
            s3.deleteBucketCors(d -> d.bucket("web"));
            assertThat(preflight(fx, "/web/page.html", Map.of("Origin", APP, "Access-Control-Request-Method", "GET"))
                    .statusCode()).as("deleted through this gateway: in force at once").isEqualTo(403);
        }
    }
}
