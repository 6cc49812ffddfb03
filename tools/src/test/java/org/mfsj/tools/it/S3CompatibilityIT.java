package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * What clients depend on beyond the basics, on a real gateway: CORS (bucket configurations through
 * the SDK, preflights, the Access-Control-* headers of answers, errors included), form uploads
 * (PostObject, SigV4 and V2 forms), 304 answers that name the version, and version ids repeated
 * by DeleteObjects (found by running ceph's s3-tests).
 */
class S3CompatibilityIT {
    private static final String APP = "https://app.example.com";

    @TempDir
    static Path tmp;

    static S3GatewayFixture fx;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        fx = new S3GatewayFixture(tmp.resolve("cluster"));
        s3 = fx.client();
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

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
    void corsConfigurationsPreflightsAndAnswerHeaders() throws Exception {
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

    /** A browser upload form: its fields in order, then the file. */
    private static HttpResponse<String> post(String bucket, List<String[]> fields, String fileName, byte[] file)
            throws Exception {
        String boundary = "----mfsjFormBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] f : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                    + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.endpoint() + "/" + bucket))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a form signed by {@code secret} with a policy expiring at {@code expiration}. */
    private static List<String[]> form(String key, String secret, Instant expiration, String extraField)
            throws Exception {
        return form("forms", key, secret, expiration, extraField, null);
    }

    /** As above for {@code bucket}, with a {@code tagging} field (policy and form) when it is not null. */
    private static List<String[]> form(String bucket, String key, String secret, Instant expiration,
            String extraField, String tagging) throws Exception {
        String date = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(Instant.now());
        String credential = S3GatewayFixture.AK + "/" + date + "/us-east-1/s3/aws4_request";
        String amzDate = date + "T000000Z";
        String policy = """
                {"expiration": "%s", "conditions": [{"bucket": "%s"}, ["starts-with", "$key", "uploads/"],
                 {"success_action_status": "201"}, ["content-length-range", 1, 1048576],
                 ["starts-with", "$Content-Type", "text/"], {"x-amz-meta-origin": "form"},
                 {"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "%s"}, {"x-amz-date": "%s"}%s]}
                """.formatted(expiration, bucket, credential, amzDate,
                tagging == null ? "" : ", {\"tagging\": \"" + tagging + "\"}");
        String b64 = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(hmac(hmac(k, "us-east-1"), "s3"), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(k, b64));
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"key", key},
                new String[] {"Content-Type", "text/plain"}, new String[] {"x-amz-meta-origin", "form"},
                new String[] {"success_action_status", "201"}, new String[] {"X-Amz-Algorithm", "AWS4-HMAC-SHA256"},
                new String[] {"X-Amz-Credential", credential}, new String[] {"X-Amz-Date", amzDate},
                new String[] {"Policy", b64}, new String[] {"X-Amz-Signature", signature}));
        if (extraField != null) {
            fields.add(new String[] {extraField, "x"});
        }
        if (tagging != null) {
            fields.add(fields.size() - 2, new String[] {"tagging", tagging});
        }
        return fields;
    }

    private static String code(HttpResponse<String> r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Code>([^<]*)</Code>").matcher(r.body());
        return m.find() ? r.statusCode() + " " + m.group(1) : r.statusCode() + " " + r.body();
    }

    @Test
    void formUploadsAreCheckedAgainstTheirSignedPolicyAndStoredLikeAPut() throws Exception {
        s3.createBucket(b -> b.bucket("forms"));
        byte[] file = new byte[300_000];
        new java.util.Random(7).nextBytes(file);
        Instant later = Instant.now().plus(Duration.ofMinutes(10));

        HttpResponse<String> ok = post("forms", form("uploads/${filename}", S3GatewayFixture.SK, later, null),
                "note.txt", file);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String md5 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(file));
        assertThat(ok.body()).contains("<Bucket>forms</Bucket>").contains("<Key>uploads/note.txt</Key>")
                .contains("<ETag>&quot;" + md5 + "&quot;</ETag>");
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket("forms").key("uploads/note.txt"));
        assertThat(got.asByteArray()).isEqualTo(file);
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("origin", "form");
        assertThat(got.response().eTag()).isEqualTo("\"" + md5 + "\"");

        assertThat(code(post("forms", form("uploads/${filename}", "not-the-secret", later, null), "a.txt", file)))
                .isEqualTo("403 SignatureDoesNotMatch");
        assertThat(code(post("forms", form("elsewhere/${filename}", S3GatewayFixture.SK, later, null), "b.txt",
                file))).isEqualTo("403 AccessDenied");
        s3.createBucket(b -> b.bucket("forms-other"));
        List<String[]> claimsForms = new ArrayList<>(form("uploads/${filename}", S3GatewayFixture.SK, later, null));
        claimsForms.add(0, new String[] {"bucket", "forms"});
        assertThat(code(post("forms-other", claimsForms, "b.txt", file))).as("a form for another bucket")
                .isEqualTo("403 AccessDenied");
        assertThat(code(post("forms", form("uploads/c.txt", S3GatewayFixture.SK, later, null), "c.txt",
                new byte[1_500_000]))).isEqualTo("400 EntityTooLarge");
        assertThat(code(post("forms", form("uploads/d.txt", S3GatewayFixture.SK, Instant.now().minusSeconds(5),
                null), "d.txt", file))).isEqualTo("403 AccessDenied");
        HttpResponse<String> extra = post("forms", form("uploads/e.txt", S3GatewayFixture.SK, later, "x-unlisted"),
                "e.txt", file);
        assertThat(code(extra)).isEqualTo("403 AccessDenied");
        assertThat(extra.body()).contains("Extra input fields: x-unlisted");
        assertThat(code(post("forms", form("uploads/f.txt", S3GatewayFixture.SK, later, null), null, null)))
                .isEqualTo("400 InvalidArgument");
        HttpResponse<String> garbage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fx.endpoint() + "/forms")).header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nno headers end")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(400);

        assertThat(s3.listObjectsV2(l -> l.bucket("forms")).contents()).extracting(o -> o.key())
                .as("refused uploads left nothing").containsExactly("uploads/note.txt");
        org.mfsj.client.MfsClient c = fx.cluster.client();
        long tmpDir = c.resolve(org.mfsj.common.types.Creds.ROOT, S3GatewayFixture.S3_ROOT + "/.mfss3/tmp").inode();
        assertThat(c.readdir(org.mfsj.common.types.Creds.ROOT, tmpDir, 0, 1000, false).entries())
                .extracting(e -> e.name()).as("no temp file left behind")
                .allMatch(n -> n.equals(".") || n.equals(".."));
    }

    @Test
    void formUploadsKeepTheirTaggingField() throws Exception {
        s3.createBucket(b -> b.bucket("forms-tagged"));
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        String tagging = "<Tagging><TagSet><Tag><Key>team</Key><Value>blue</Value></Tag>"
                + "<Tag><Key>tier</Key><Value>2</Value></Tag></TagSet></Tagging>";
        HttpResponse<String> ok = post("forms-tagged", form("forms-tagged", "uploads/t.txt", S3GatewayFixture.SK,
                later, null, tagging), "t.txt", new byte[10]);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(s3.getObjectTagging(g -> g.bucket("forms-tagged").key("uploads/t.txt")).tagSet())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=blue", "tier=2");

        List<String[]> malformed = form("forms-tagged", "uploads/m.txt", S3GatewayFixture.SK, later, null,
                "<Tagging><TagSet>");
        assertThat(code(post("forms-tagged", malformed, "m.txt", new byte[10]))).isEqualTo("400 MalformedXML");
        assertThat(s3.listObjectsV2(l -> l.bucket("forms-tagged")).contents()).extracting(o -> o.key())
                .as("the refused upload left nothing").containsExactly("uploads/t.txt");
    }

    @Test
    void answersTheSdksAndTestSuitesReadClosely() throws Exception {
        s3.createBucket(b -> b.bucket("compat"));
        String etag = s3.putObject(p -> p.bucket("compat").key("a/b"), RequestBody.fromString("x")).eTag();
        S3Exception notModified = org.assertj.core.api.Assertions.catchThrowableOfType(S3Exception.class,
                () -> s3.getObject(g -> g.bucket("compat").key("a/b").ifNoneMatch(etag)));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag")).hasValue(etag);
        assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Last-Modified")).isPresent();

        var deleted = s3.deleteObjects(d -> d.bucket("compat").delete(x -> x.objects(
                o -> o.key("a/b").versionId("null"), o -> o.key("missing"), o -> o.key("a/b").versionId("v2"))));
        assertThat(deleted.deleted()).extracting(o -> o.key() + "@" + o.versionId())
                .containsExactlyInAnyOrder("a/b@null", "missing@null");
        assertThat(deleted.errors()).extracting(e -> e.key() + "@" + e.versionId() + " " + e.code())
                .containsExactly("a/b@v2 NoSuchVersion");
    }

    @Test
    void signatureVersion2FormsAreStillTaken() throws Exception {
        s3.createBucket(b -> b.bucket("v2forms"));
        String policy = Base64.getEncoder().encodeToString(("{\"expiration\": \"" + Instant.now().plusSeconds(600)
                + "\", \"conditions\": [{\"bucket\": \"v2forms\"}, [\"starts-with\", \"$key\", \"\"], "
                + "{\"acl\": \"private\"}]}").getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(S3GatewayFixture.SK.getBytes(StandardCharsets.UTF_8),
                "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(policy.getBytes(StandardCharsets.UTF_8)));
        List<String[]> fields = List.of(new String[] {"key", "v2.txt"},
                new String[] {"AWSAccessKeyId", S3GatewayFixture.AK}, new String[] {"acl", "private"},
                new String[] {"signature", signature}, new String[] {"policy", policy});
        assertThat(post("v2forms", fields, "v2.txt", "bar".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(204);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("v2forms").key("v2.txt")).asUtf8String()).isEqualTo("bar");
        List<String[]> forged = new ArrayList<>(fields);
        forged.set(3, new String[] {"signature", "AAAA" + signature.substring(4)});
        assertThat(code(post("v2forms", forged, "v3.txt", new byte[1]))).isEqualTo("403 SignatureDoesNotMatch");
    }

    @Test
    void conditionalWritesPutOnlyWhereTheConditionHoldsAndOneOfRacingWritersWins() throws Exception {
        s3.createBucket(b -> b.bucket("cond"));
        String first = s3.putObject(p -> p.bucket("cond").key("k").ifNoneMatch("*"), RequestBody.fromString("1"))
                .eTag();
        assertThat(errorCode(() -> s3.putObject(p -> p.bucket("cond").key("k").ifNoneMatch("*"),
                RequestBody.fromString("2")))).isEqualTo("PreconditionFailed");
        assertThat(errorCode(() -> s3.putObject(p -> p.bucket("cond").key("k").ifMatch("\"0123\""),
                RequestBody.fromString("3")))).isEqualTo("PreconditionFailed");
        assertThat(errorCode(() -> s3.putObject(p -> p.bucket("cond").key("missing").ifMatch(first),
                RequestBody.fromString("4")))).isEqualTo("NoSuchKey");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("cond").key("k")).asUtf8String()).isEqualTo("1");
        String second = s3.putObject(p -> p.bucket("cond").key("k").ifMatch(first), RequestBody.fromString("5"))
                .eTag();
        assertThat(second).isNotEqualTo(first);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("cond").key("k")).asUtf8String()).isEqualTo("5");
        assertThat(s3.listObjectsV2(l -> l.bucket("cond")).contents()).extracting(o -> o.key())
                .containsExactly("k");

        // eight writers race to create one key: exactly one is answered 200 and its bytes are stored
        int writers = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = "writer-" + i;
                outcomes.add(pool.submit(() -> {
                    try {
                        s3.putObject(p -> p.bucket("cond").key("race").ifNoneMatch("*"), RequestBody.fromString(body));
                        return body;
                    } catch (S3Exception e) {
                        return e.awsErrorDetails().errorCode();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get());
            }
            List<String> winners = results.stream().filter(r -> r.startsWith("writer-")).toList();
            assertThat(winners).hasSize(1);
            assertThat(results).filteredOn(r -> !r.startsWith("writer-")).containsOnly("PreconditionFailed");
            assertThat(s3.getObjectAsBytes(g -> g.bucket("cond").key("race")).asUtf8String())
                    .isEqualTo(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aclsShowTheOwnersFullControlAndOnlyThatCanBeSet() throws Exception {
        s3.createBucket(b -> b.bucket("acls").acl("private"));
        s3.putObject(p -> p.bucket("acls").key("o").acl("private"), RequestBody.fromString("x"));
        var bucketAcl = s3.getBucketAcl(a -> a.bucket("acls"));
        var objectAcl = s3.getObjectAcl(a -> a.bucket("acls").key("o"));
        for (var acl : List.of(bucketAcl.owner(), objectAcl.owner())) {
            assertThat(acl.id()).isEqualTo("1000");
        }
        assertThat(bucketAcl.grants()).extracting(g -> g.grantee().id() + " " + g.grantee().typeAsString() + " "
                + g.permissionAsString()).containsExactly("1000 CanonicalUser FULL_CONTROL");
        assertThat(objectAcl.grants()).extracting(g -> g.grantee().id() + " " + g.permissionAsString())
                .containsExactly("1000 FULL_CONTROL");

        s3.putObjectAcl(a -> a.bucket("acls").key("o").acl("private"));
        s3.putBucketAcl(a -> a.bucket("acls").accessControlPolicy(p -> p.owner(bucketAcl.owner())
                .grants(bucketAcl.grants())));
        assertThat(errorCode(() -> s3.putObjectAcl(a -> a.bucket("acls").key("o").acl("public-read"))))
                .isEqualTo("AccessControlListNotSupported");
        assertThat(errorCode(() -> s3.putBucketAcl(a -> a.bucket("acls").accessControlPolicy(p -> p
                .owner(bucketAcl.owner()).grants(g -> g.permission("READ")
                        .grantee(u -> u.type("Group").uri("http://acs.amazonaws.com/groups/global/AllUsers")))))))
                .isEqualTo("AccessControlListNotSupported");
        assertThat(errorCode(() -> s3.putObject(p -> p.bucket("acls").key("public").acl("public-read"),
                RequestBody.fromString("y")))).isEqualTo("AccessControlListNotSupported");
        assertThat(errorCode(() -> s3.getObjectAcl(a -> a.bucket("acls").key("missing")))).isEqualTo("NoSuchKey");
        assertThat(s3.listObjectsV2(l -> l.bucket("acls")).contents()).extracting(o -> o.key())
                .containsExactly("o");
    }

    @Test
    void completingAnUploadAgainGivesTheFirstAnswerWhileTheObjectIsItsOwn() throws Exception {
        s3.createBucket(b -> b.bucket("retry"));
        String id = s3.createMultipartUpload(b -> b.bucket("retry").key("m")).uploadId();
        String part = s3.uploadPart(b -> b.bucket("retry").key("m").uploadId(id).partNumber(1),
                RequestBody.fromString("only part")).eTag();
        var parts = List.of(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(1).eTag(part)
                .build());
        String first = s3.completeMultipartUpload(b -> b.bucket("retry").key("m").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();
        // a retry after a lost answer, as the SDKs send it
        String again = s3.completeMultipartUpload(b -> b.bucket("retry").key("m").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();
        assertThat(again).isEqualTo(first).endsWith("-1\"");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("retry").key("m")).asUtf8String()).isEqualTo("only part");
        assertThat(errorCode(() -> s3.completeMultipartUpload(b -> b.bucket("retry").key("m")
                .uploadId("0123456789abcdef0123456789abcdef").multipartUpload(m -> m.parts(parts)))))
                .isEqualTo("NoSuchUpload");
        s3.putObject(p -> p.bucket("retry").key("m"), RequestBody.fromString("replaced"));
        assertThat(errorCode(() -> s3.completeMultipartUpload(b -> b.bucket("retry").key("m").uploadId(id)
                .multipartUpload(m -> m.parts(parts))))).isEqualTo("NoSuchUpload");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("retry").key("m")).asUtf8String()).isEqualTo("replaced");
    }

    @Test
    void bucketsAreListedInPagesAndExpectedOwnersAreChecked() {
        for (String b : List.of("page-c", "page-a", "page-b")) {
            s3.createBucket(c -> c.bucket(b));
        }
        var first = s3.listBuckets(l -> l.prefix("page-").maxBuckets(2));
        assertThat(first.buckets()).extracting(b -> b.name()).containsExactly("page-a", "page-b");
        assertThat(first.prefix()).isEqualTo("page-");
        var second = s3.listBuckets(l -> l.prefix("page-").maxBuckets(2).continuationToken(first.continuationToken()));
        assertThat(second.buckets()).extracting(b -> b.name()).containsExactly("page-c");
        assertThat(second.continuationToken()).isNull();
        assertThat(errorCode(() -> s3.listBuckets(l -> l.maxBuckets(0)))).isEqualTo("InvalidArgument");
        assertThat(errorCode(() -> s3.listBuckets(l -> l.continuationToken("not base64!")))).isEqualTo("InvalidArgument");

        s3.putObject(p -> p.bucket("page-a").key("k").expectedBucketOwner("1000"), RequestBody.fromString("v"));
        assertThat(errorCode(() -> s3.putObject(p -> p.bucket("page-a").key("other").expectedBucketOwner("2000"),
                RequestBody.fromString("w")))).isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3.copyObject(c -> c.sourceBucket("page-a").sourceKey("k")
                .destinationBucket("page-b").destinationKey("k").expectedSourceBucketOwner("2000"))))
                .isEqualTo("AccessDenied");
        assertThat(s3.listObjectsV2(l -> l.bucket("page-a")).contents()).extracting(o -> o.key()).containsExactly("k");
        assertThat(s3.listObjectsV2(l -> l.bucket("page-b")).contents()).isEmpty();
    }

    @Test
    void aPartCopiedFromARangePastTheSourceIsRefused() {
        s3.createBucket(b -> b.bucket("ranges"));
        s3.putObject(p -> p.bucket("ranges").key("src"), RequestBody.fromString("12345"));
        String id = s3.createMultipartUpload(b -> b.bucket("ranges").key("dst")).uploadId();
        assertThat(errorCode(() -> s3.uploadPartCopy(c -> c.sourceBucket("ranges").sourceKey("src")
                .destinationBucket("ranges").destinationKey("dst").uploadId(id).partNumber(1)
                .copySourceRange("bytes=0-21")))).isEqualTo("InvalidRange");
        assertThat(errorCode(() -> s3.uploadPartCopy(c -> c.sourceBucket("ranges").sourceKey("src")
                .destinationBucket("ranges").destinationKey("dst").uploadId(id).partNumber(1)
                .copySourceRange("bytes=1-")))).as("an open range is not a copy range").isEqualTo("InvalidArgument");
        assertThat(s3.listParts(l -> l.bucket("ranges").key("dst").uploadId(id)).parts()).isEmpty();
        var ok = s3.uploadPartCopy(c -> c.sourceBucket("ranges").sourceKey("src").destinationBucket("ranges")
                .destinationKey("dst").uploadId(id).partNumber(1).copySourceRange("bytes=1-3"));
        assertThat(ok.copyPartResult().eTag()).isNotBlank();
    }
}
