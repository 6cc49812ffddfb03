package org.mfsj.s3.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.GatewayFixture;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ObjectOpsTest extends WithBucket {
    private String get(String key) {
        return gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key(key)).asString(StandardCharsets.UTF_8);
    }

    private PutObjectResponse put(String key, String body) {
        return gw.s3.putObject(b -> b.bucket("bkt").key(key), RequestBody.fromString(body));
    }

    @Test
    void putThenGetWithMetadataEtagAndChecksum() throws Exception {
        PutObjectResponse p = gw.s3.putObject(b -> b.bucket("bkt").key("dir/sub/hello.txt").contentType("text/plain")
                .metadata(Map.of("color", "blue", "name", "bl\u00e5")).cacheControl("no-cache").contentEncoding("deflate, gzip"),
                RequestBody.fromString("hello world"));
        assertThat(p.eTag()).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        assertThat(p.checksumCRC32()).isEqualTo("DUoRhQ==");
        ResponseBytes<GetObjectResponse> g = gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("dir/sub/hello.txt")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(g.asUtf8String()).isEqualTo("hello world");
        assertThat(g.response().contentType()).isEqualTo("text/plain");
        assertThat(g.response().cacheControl()).isEqualTo("no-cache");
        assertThat(g.response().contentEncoding()).as("the SDK's aws-chunked taken out, the rest as sent")
                .isEqualTo("deflate, gzip");
        assertThat(g.response().metadata()).containsEntry("color", "blue");
        // the Java SDK sends this value's bytes as ISO-8859-1 and signs its characters as UTF-8
        assertThat(g.response().metadata()).containsEntry("name", "bl\u00e5");
        assertThat(g.response().eTag()).isEqualTo(p.eTag());
        assertThat(g.response().checksumCRC32()).isEqualTo("DUoRhQ==");
        // the object is a plain file at the path its key names, and no temp file is left
        var fs = gw.fs;
        long bkt = fs.lookup(Creds.ROOT, fs.rootInode(), "bkt").inode();
        long dir = fs.lookup(Creds.ROOT, fs.lookup(Creds.ROOT, bkt, "dir").inode(), "sub").inode();
        assertThat(fs.lookup(Creds.ROOT, dir, "hello.txt").length()).isEqualTo(11);
        long tmp = fs.lookup(Creds.ROOT, fs.lookup(Creds.ROOT, fs.rootInode(), ".mfss3").inode(), "tmp").inode();
        assertThat(fs.readdir(Creds.ROOT, tmp, 0, 100, false).entries()).isEmpty();
    }

    @Test
    void objectsOfManyPiecesComeBackWholeAndInRanges() {
        // past PieceStream's read-ahead depth, with a last piece shorter than the others
        byte[] body = new byte[(5 << 18) + 12_345];
        new Random(7).nextBytes(body);
        gw.s3.putObject(b -> b.bucket("bkt").key("big"), RequestBody.fromBytes(body));
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("big")).asByteArray()).isEqualTo(body);
        byte[] range = gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("big").range("bytes=300001-1100000"))
                .asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(body, 300_001, 1_100_001));
    }

    @Test
    void headReportsSizeAndMissingKeysAre404() {
        put("a", "12345");
        HeadObjectResponse h = gw.s3.headObject(b -> b.bucket("bkt").key("a"));
        assertThat(h.contentLength()).isEqualTo(5);
        assertThatThrownBy(() -> gw.s3.headObject(b -> b.bucket("bkt").key("nope")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> get("nope")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void rangesSuffixOpenAndUnsatisfiable() {
        put("r", "0123456789");
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=2-4")).asUtf8String())
                .isEqualTo("234");
        var open = gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=7-"));
        assertThat(open.asUtf8String()).isEqualTo("789");
        assertThat(open.response().contentRange()).isEqualTo("bytes 7-9/10");
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=-3")).asUtf8String())
                .isEqualTo("789");
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("r").range("bytes=8-100")).asUtf8String())
                .isEqualTo("89");
        assertThatThrownBy(() -> gw.s3.getObject(b -> b.bucket("bkt").key("r").range("bytes=10-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
    }

    @Test
    void conditionals() {
        String etag = put("c", "abc").eTag();
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("c").ifMatch(etag)).asUtf8String())
                .isEqualTo("abc");
        assertThatThrownBy(() -> gw.s3.getObject(b -> b.bucket("bkt").key("c").ifMatch("\"x\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> gw.s3.getObject(b -> b.bucket("bkt").key("c").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> gw.s3.getObject(b -> b.bucket("bkt").key("c")
                .ifUnmodifiedSince(java.time.Instant.now().minusSeconds(3600))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    @Test
    void overwriteReplacesAndDeleteRemovesEmptyPrefixes() throws Exception {
        put("x/y/z", "one");
        put("x/y/z", "two");
        assertThat(get("x/y/z")).isEqualTo("two");
        gw.s3.deleteObject(b -> b.bucket("bkt").key("x/y/z"));
        gw.s3.deleteObject(b -> b.bucket("bkt").key("x/y/z"));
        long bkt = gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), "bkt").inode();
        assertThat(gw.fs.readdir(Creds.ROOT, bkt, 0, 10, false).entries()).isEmpty();
    }

    @Test
    void copyKeepsOrReplacesMetadata() {
        gw.s3.putObject(b -> b.bucket("bkt").key("src").contentType("text/x").metadata(Map.of("k", "v")),
                RequestBody.fromString("data"));
        var c = gw.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt")
                .destinationKey("copy1"));
        assertThat(c.copyObjectResult().eTag()).isEqualTo("\"8d777f385d3dfec8815d20f7496026dc\"");
        var h = gw.s3.headObject(b -> b.bucket("bkt").key("copy1"));
        assertThat(h.contentType()).isEqualTo("text/x");
        assertThat(h.metadata()).containsEntry("k", "v");
        gw.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt").destinationKey("copy2")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/y").metadata(Map.of("n", "m")));
        var h2 = gw.s3.headObject(b -> b.bucket("bkt").key("copy2"));
        assertThat(h2.contentType()).isEqualTo("text/y");
        assertThat(h2.metadata()).containsOnlyKeys("n");
        assertThat(get("copy2")).isEqualTo("data");
        assertThatThrownBy(() -> gw.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt")
                .destinationKey("copy3").copySourceIfMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> gw.s3.copyObject(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt")
                .destinationKey("src")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
    }

    @Test
    void keysThatAreNotPathsAreRefusedAndChangeNothing() throws Exception {
        for (String bad : new String[] {"a//b", "../etc/passwd", "a/./b", "a/../../b", "trailing//", "a/../"}) {
            assertThatThrownBy(() -> put(bad, "x"))
                    .as(bad)
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectName"));
        }
        long bkt = gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), "bkt").inode();
        assertThat(gw.fs.readdir(Creds.ROOT, bkt, 0, 10, false).entries()).isEmpty();
    }

    @Test
    void anObjectCannotAlsoBeAPrefix() {
        put("foo/bar", "1");
        assertThatThrownBy(() -> put("foo/bar/baz", "2"))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyConflict"));
        put("p/q/r", "3");
        assertThatThrownBy(() -> put("p/q", "4"))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyConflict"));
        assertThat(get("foo/bar")).isEqualTo("1");
        assertThat(get("p/q/r")).isEqualTo("3");
    }

    @Test
    void badContentMd5IsBadDigestAndStoresNothing() {
        assertThatThrownBy(() -> gw.s3.putObject(b -> b.bucket("bkt").key("m").contentMD5("XrY7u+Ae7tCTyyK7j1rNww=="),
                RequestBody.fromString("not hello world")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
        assertThatThrownBy(() -> get("m")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void presignedGetAndPut() throws Exception {
        var presigner = gw.presigner();
        var putUrl = presigner.presignPutObject(b -> b.signatureDuration(java.time.Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket("bkt").key("pre"))).url();
        var http = java.net.http.HttpClient.newHttpClient();
        var resp = http.send(java.net.http.HttpRequest.newBuilder(putUrl.toURI())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("presigned!")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(200);
        var getUrl = presigner.presignGetObject(b -> b.signatureDuration(java.time.Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("bkt").key("pre"))).url();
        var got = http.send(java.net.http.HttpRequest.newBuilder(getUrl.toURI()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(got.body()).isEqualTo("presigned!");
        String tampered = getUrl.toString().replace("/bkt/pre", "/bkt/other");
        var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(tampered)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("<RequestId>");
        presigner.close();
    }

    @Test
    void wrongSecretIsRefused() {
        try (var bad = gw.client(GatewayFixture.AK, "wrong", true)) {
            assertThatThrownBy(() -> bad.listBuckets())
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
        try (var unknown = gw.client("NOBODY", "x", true)) {
            assertThatThrownBy(() -> unknown.listBuckets())
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
        }
    }
}
