package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.store.ObjectMeta;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK for Java v2 at its default settings against the gateway process over a real cluster. */
class S3SdkIT {
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

    private static String text(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Test
    void bucketAndObjectOperations() {
        s3.createBucket(b -> b.bucket("ops"));
        s3.headBucket(b -> b.bucket("ops"));
        var put = s3.putObject(b -> b.bucket("ops").key("docs/readme.txt").contentType("text/plain")
                .metadata(Map.of("author", "moose")), RequestBody.fromString("hello, moose"));
        assertThat(put.checksumCRC32()).isNotNull();
        s3.putObject(b -> b.bucket("ops").key("docs/sub/deep.bin"), RequestBody.fromBytes(new byte[70_000]));
        s3.putObject(b -> b.bucket("ops").key("top"), RequestBody.fromString("t"));
        var got = s3.getObjectAsBytes(b -> b.bucket("ops").key("docs/readme.txt").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asUtf8String()).isEqualTo("hello, moose");
        assertThat(got.response().metadata()).containsEntry("author", "moose");
        assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());
        assertThat(s3.headObject(b -> b.bucket("ops").key("docs/sub/deep.bin")).contentLength()).isEqualTo(70_000);

        var top = s3.listObjectsV2(b -> b.bucket("ops").delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("top");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("docs/");
        assertThat(s3.listObjects(b -> b.bucket("ops").prefix("docs/")).contents()).extracting(S3Object::key)
                .containsExactly("docs/readme.txt", "docs/sub/deep.bin");
        assertThat(s3.listObjectVersions(b -> b.bucket("ops")).versions()).hasSize(3);
        assertThat(s3.getBucketVersioning(b -> b.bucket("ops")).status()).isNull();
        assertThat(s3.getBucketLocation(b -> b.bucket("ops")).locationConstraintAsString()).isEmpty();

        s3.copyObject(b -> b.sourceBucket("ops").sourceKey("docs/readme.txt").destinationBucket("ops")
                .destinationKey("copy.txt"));
        assertThat(text("ops", "copy.txt")).isEqualTo("hello, moose");
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("ops")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
        var del = s3.deleteObjects(b -> b.bucket("ops").delete(Delete.builder().objects(
                ObjectIdentifier.builder().key("docs/readme.txt").build(),
                ObjectIdentifier.builder().key("docs/sub/deep.bin").build(),
                ObjectIdentifier.builder().key("top").build()).build()));
        assertThat(del.deleted()).hasSize(3);
        s3.deleteObject(b -> b.bucket("ops").key("copy.txt"));
        assertThatThrownBy(() -> text("ops", "top")).isInstanceOf(NoSuchKeyException.class);
        s3.deleteBucket(b -> b.bucket("ops"));
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("ops"));
    }

    /** Deterministic pseudo-random bytes, regenerated for checking instead of kept in memory. */
    static InputStream data(long seed, long size) {
        return new InputStream() {
            final Random rnd = new Random(seed);
            final byte[] block = new byte[8192];
            long pos;
            int inBlock = block.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                if (inBlock == block.length) {
                    rnd.nextBytes(block);
                    inBlock = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - inBlock), size - pos);
                System.arraycopy(block, inBlock, b, off, n);
                inBlock += n;
                pos += n;
                return n;
            }
        };
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void multipartUploadOf200MiBAndRangedReads() throws Exception {
        final long size = 200L << 20;
        final long partSize = 16L << 20;
        // parts 1 and 4 start on a chunk boundary and are whole chunks, part 5 is the last: those are
        // joined by sharing chunks (64 + 64 + 8 MiB), parts 2 and 3 are copied
        final long[] sizes = {64L << 20, 16L << 20, 48L << 20, 64L << 20, 8L << 20};
        s3.createBucket(b -> b.bucket("big"));
        String id = s3.createMultipartUpload(b -> b.bucket("big").key("blob.bin")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        try (InputStream all = data(7, size)) {
            for (int n = 1; n <= sizes.length; n++) {
                byte[] buf = all.readNBytes((int) sizes[n - 1]);
                int pn = n;
                var r = s3.uploadPart(b -> b.bucket("big").key("blob.bin").uploadId(id).partNumber(pn),
                        RequestBody.fromBytes(buf));
                parts.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).build());
            }
        }
        var done = s3.completeMultipartUpload(b -> b.bucket("big").key("blob.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        assertThat(done.eTag()).endsWith("-5\"");
        assertThat(fx.gatewayLog()).contains("5 parts joined into 'blob.bin', " + (136L << 20)
                + " bytes by sharing chunks");
        var head = s3.headObject(b -> b.bucket("big").key("blob.bin"));
        assertThat(head.contentLength()).isEqualTo(size);
        // kept, not recomputed: a recomputed ETag would be the plain MD5 without "-5"
        assertThat(head.eTag()).isEqualTo(done.eTag());
        try (InputStream got = s3.getObject(b -> b.bucket("big").key("blob.bin"))) {
            assertThat(sha256(got)).isEqualTo(sha256(data(7, size)));
        }
        byte[] expected = data(7, size).readNBytes((int) (80L << 20));
        // across the boundary of a shared chunk and a copied part
        byte[] mid = s3.getObjectAsBytes(b -> b.bucket("big").key("blob.bin").range("bytes=67108800-67108899"))
                .asByteArray();
        assertThat(mid).isEqualTo(java.util.Arrays.copyOfRange(expected, 67_108_800, 67_108_900));
        var part2 = s3.getObjectAsBytes(b -> b.bucket("big").key("blob.bin").partNumber(2));
        assertThat(part2.response().partsCount()).isEqualTo(5);
        assertThat(sha256(part2.asInputStream())).isEqualTo(sha256(new java.io.ByteArrayInputStream(
                expected, 64 << 20, (int) partSize)));
        byte[] tail;
        try (InputStream all = data(7, size)) {
            all.skipNBytes(size - 1000);
            tail = all.readAllBytes();
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key("blob.bin").range("bytes=-1000")).asByteArray())
                .isEqualTo(tail);
    }

    @Test
    void presignedUrlsAndRefusals() throws Exception {
        s3.createBucket(b -> b.bucket("pre"));
        try (S3Presigner p = S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(fx.endpoint())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3GatewayFixture.AK, S3GatewayFixture.SK))).build()) {
            HttpClient http = HttpClient.newHttpClient();
            var putUrl = p.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("pre").key("up.txt"))).url();
            var put = http.send(HttpRequest.newBuilder(putUrl.toURI()).PUT(HttpRequest.BodyPublishers.ofString("via url"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            var getUrl = p.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket("pre").key("up.txt"))).url();
            assertThat(http.send(HttpRequest.newBuilder(getUrl.toURI()).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).isEqualTo("via url");
            String sig = getUrl.toString().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
            String flipped = (sig.charAt(0) == 'a' ? "b" : "a") + sig.substring(1);
            var tampered = http.send(HttpRequest.newBuilder(java.net.URI.create(getUrl.toString().replace(sig, flipped)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tampered.statusCode()).isEqualTo(403);
            assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
        try (S3Client wrong = fx.client(S3GatewayFixture.AK, "not-the-secret")) {
            assertThatThrownBy(() -> wrong.putObject(b -> b.bucket("pre").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
        try (S3Client unknown = fx.client("AKIDNOBODY", "x")) {
            assertThatThrownBy(() -> unknown.listBuckets()).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
        }
        assertThatThrownBy(() -> text("pre", "x")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void tagsOfObjectsAndBuckets() throws Exception {
        s3.createBucket(b -> b.bucket("tagged"));
        s3.putObject(b -> b.bucket("tagged").key("dir/obj"), RequestBody.fromString("tagged object"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged").key("dir/obj")).tagSet()).isEmpty();

        // listed sorted by key, however given
        List<Tag> tags = List.of(Tag.builder().key("empty").value("").build(),
                Tag.builder().key("project").value("mfs/j").build(), Tag.builder().key("who & why").value("a=b+c d").build());
        s3.putObjectTagging(b -> b.bucket("tagged").key("dir/obj").tagging(t -> t.tagSet(tags.get(2), tags.get(0),
                tags.get(1))));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged").key("dir/obj")).tagSet()).isEqualTo(tags);
        MfsClient c = fx.cluster.client();
        Attr file = c.resolve(Creds.ROOT, S3GatewayFixture.S3_ROOT + "/tagged/dir/obj");
        assertThat(ObjectMeta.decode(c.getxattr(Creds.ROOT, file.inode(), ObjectMeta.XATTR)).tags())
                .as("kept on the file for every door").containsEntry("project", "mfs/j").hasSize(3);

        List<Tag> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Tag.builder().key("k" + i).value("v").build());
        }
        Map<List<Tag>, String> refused = Map.of(eleven, "BadRequest",
                List.of(Tag.builder().key("same").value("1").build(), Tag.builder().key("same").value("2").build()),
                "InvalidTag", List.of(Tag.builder().key("aws:system").value("x").build()), "InvalidTag",
                List.of(Tag.builder().key("k".repeat(129)).value("x").build()), "InvalidTag");
        refused.forEach((set, code) -> assertThatThrownBy(() -> s3.putObjectTagging(
                b -> b.bucket("tagged").key("dir/obj").tagging(t -> t.tagSet(set))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                }));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged").key("dir/obj")).tagSet()).as("refusals change nothing")
                .isEqualTo(tags);
        assertThatThrownBy(() -> s3.getObjectTagging(b -> b.bucket("tagged").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
        s3.deleteObjectTagging(b -> b.bucket("tagged").key("dir/obj"));
        assertThat(s3.getObjectTagging(b -> b.bucket("tagged").key("dir/obj")).tagSet()).isEmpty();

        s3.putObject(b -> b.bucket("tagged").key("with-tags").tagging("b=2&a=1"), RequestBody.fromString("x"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("tagged").key("with-tags")).response().tagCount()).isEqualTo(2);
        s3.copyObject(b -> b.sourceBucket("tagged").sourceKey("with-tags").destinationBucket("tagged")
                .destinationKey("copied"));
        assertThat(tagsOf("copied")).containsExactly(tag("a", "1"), tag("b", "2"));
        s3.copyObject(b -> b.sourceBucket("tagged").sourceKey("with-tags").destinationBucket("tagged")
                .destinationKey("retagged").taggingDirective(TaggingDirective.REPLACE).tagging("c=3"));
        assertThat(tagsOf("retagged")).containsExactly(tag("c", "3"));
        String upload = s3.createMultipartUpload(b -> b.bucket("tagged").key("multi").tagging("m=1")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket("tagged").key("multi").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket("tagged").key("multi").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(tagsOf("multi")).containsExactly(tag("m", "1"));

        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tagged")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
                });
        s3.putBucketTagging(b -> b.bucket("tagged").tagging(t -> t.tagSet(tags.subList(0, 1))));
        assertThat(s3.getBucketTagging(b -> b.bucket("tagged")).tagSet()).isEqualTo(tags.subList(0, 1));
        s3.deleteBucketTagging(b -> b.bucket("tagged"));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tagged"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void listBucketsShowsTheCallersOwn() {
        s3.createBucket(b -> b.bucket("mine"));
        try (S3Client other = fx.client("AKIDOTHERUSER", "other-secret")) {
            other.createBucket(b -> b.bucket("theirs"));
            assertThat(other.listBuckets().buckets()).extracting(b -> b.name()).contains("theirs")
                    .doesNotContain("mine");
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("mine")
                    .doesNotContain("theirs");
            // a new bucket is its owner's alone, as in S3
            s3.putObject(b -> b.bucket("mine").key("secret"), RequestBody.fromString("mine only"));
            assertThatThrownBy(() -> other.getObject(b -> b.bucket("mine").key("secret")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> other.listObjectsV2(b -> b.bucket("mine")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            other.deleteBucket(b -> b.bucket("theirs"));
        }
    }

    private static List<Tag> tagsOf(String key) {
        return s3.getObjectTagging(b -> b.bucket("tagged").key(key)).tagSet();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void oneNamespaceForS3AndTheClientLibrary() throws Exception {
        s3.createBucket(b -> b.bucket("shared"));
        byte[] payload = data(11, 3_000_000).readAllBytes();
        s3.putObject(b -> b.bucket("shared").key("from-s3/data.bin"), RequestBody.fromBytes(payload));
        MfsClient c = fx.cluster.client();
        Attr f = c.resolve(Creds.ROOT, S3GatewayFixture.S3_ROOT + "/shared/from-s3/data.bin");
        assertThat(f.length()).isEqualTo(payload.length);
        assertThat(f.uid()).isEqualTo(1000);
        byte[] back = new byte[payload.length];
        try (FileHandle h = c.open(Creds.ROOT, f.inode(), false)) {
            int off = 0;
            while (off < back.length) {
                off += h.read(off, back, off, back.length - off);
            }
        }
        assertThat(back).isEqualTo(payload);

        Attr bucket = c.resolve(Creds.ROOT, S3GatewayFixture.S3_ROOT + "/shared");
        Attr made = c.create(Creds.ROOT, bucket.inode(), "from-client.txt", 0644);
        byte[] text = "written by the client library".getBytes(StandardCharsets.UTF_8);
        try (FileHandle h = c.open(Creds.ROOT, made.inode(), true)) {
            h.write(0, text, 0, text.length);
        }
        Attr written = c.getattr(made.inode());
        S3Object listed = s3.listObjectsV2(b -> b.bucket("shared")).contents().stream()
                .filter(o -> o.key().equals("from-client.txt")).findFirst().orElseThrow();
        assertThat(listed.size()).isEqualTo(text.length);
        assertThat(listed.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest(text)) + "\"");
        assertThat(listed.lastModified()).isEqualTo(Instant.ofEpochSecond(written.mtimeNanos() / 1_000_000_000L,
                written.mtimeNanos() % 1_000_000_000L / 1_000_000 * 1_000_000));
        assertThat(text("shared", "from-client.txt")).isEqualTo("written by the client library");
    }

    @Test
    void overHttpsTheSdkStreamsUnsignedPayloadsWithTrailers() throws Exception {
        List<String> payloadForms = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutionInterceptor watcher = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
                c.httpRequest().firstMatchingHeader("x-amz-content-sha256").ifPresent(payloadForms::add);
            }
        };
        byte[] payload = data(13, 5_000_000).readAllBytes();
        try (S3Client tls = fx.tlsClient(watcher)) {
            tls.createBucket(b -> b.bucket("secure"));
            var put = tls.putObject(b -> b.bucket("secure").key("over/tls.bin"), RequestBody.fromBytes(payload));
            var got = tls.getObjectAsBytes(b -> b.bucket("secure").key("over/tls.bin")
                    .checksumMode(ChecksumMode.ENABLED));
            assertThat(got.asByteArray()).isEqualTo(payload);
            assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32()).isNotNull();
        }
        assertThat(payloadForms).contains("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        // one namespace behind both listeners
        assertThat(s3.getObjectAsBytes(b -> b.bucket("secure").key("over/tls.bin")).asByteArray()).isEqualTo(payload);
    }
}
