package org.mfsj.s3.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.GatewayFixture;
import org.mfsj.s3.S3Config;
import org.mfsj.s3.op.multipart.UploadSweeper;
import org.mfsj.s3.op.multipart.Uploads;
import org.mfsj.s3.store.S3Store;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class MultipartTest extends WithBucket {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private String create(String key) {
        return gw.s3.createMultipartUpload(b -> b.bucket("bkt").key(key).contentType("text/x")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    }

    private CompletedPart part(String key, String id, int n, String data) {
        var r = gw.s3.uploadPart(b -> b.bucket("bkt").key(key).uploadId(id).partNumber(n)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString(data));
        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build();
    }

    @Test
    void uploadListCompleteAndReadByPart() {
        String id = create("big/obj");
        List<CompletedPart> parts = new ArrayList<>();
        parts.add(part("big/obj", id, 1, "first"));
        parts.add(part("big/obj", id, 2, "second"));
        parts.add(part("big/obj", id, 3, "3"));
        assertThat(gw.s3.listParts(b -> b.bucket("bkt").key("big/obj").uploadId(id)).parts())
                .extracting(p -> p.partNumber() + ":" + p.size()).containsExactly("1:5", "2:6", "3:1");
        assertThat(gw.s3.listMultipartUploads(b -> b.bucket("bkt")).uploads()).extracting(u -> u.key())
                .containsExactly("big/obj");
        var done = gw.s3.completeMultipartUpload(b -> b.bucket("bkt").key("big/obj").uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
        assertThat(done.eTag()).endsWith("-3\"");
        var whole = gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("big/obj"));
        assertThat(whole.asUtf8String()).isEqualTo("firstsecond3");
        assertThat(whole.response().contentType()).isEqualTo("text/x");
        assertThat(whole.response().eTag()).isEqualTo(done.eTag());
        var second = gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("big/obj").partNumber(2));
        assertThat(second.asUtf8String()).isEqualTo("second");
        assertThat(second.response().partsCount()).isEqualTo(3);
        assertThat(gw.s3.listMultipartUploads(b -> b.bucket("bkt")).uploads()).isEmpty();
        assertThatThrownBy(() -> gw.s3.listParts(b -> b.bucket("bkt").key("big/obj").uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void uploadPartCopyWithARange() {
        gw.s3.putObject(b -> b.bucket("bkt").key("src"), RequestBody.fromString("0123456789"));
        String id = create("dst");
        var c = gw.s3.uploadPartCopy(b -> b.sourceBucket("bkt").sourceKey("src").destinationBucket("bkt")
                .destinationKey("dst").uploadId(id).partNumber(1).copySourceRange("bytes=2-6"));
        var p2 = part("dst", id, 2, "end");
        gw.s3.completeMultipartUpload(b -> b.bucket("bkt").key("dst").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(c.copyPartResult().eTag()).build(), p2)));
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("dst")).asUtf8String()).isEqualTo("23456end");
    }

    @Test
    void badPartListsAreRefusedAndTheUploadSurvives() {
        String id = create("k");
        CompletedPart p1 = part("k", id, 1, "ab");
        CompletedPart p2 = part("k", id, 2, "cdefgh");
        assertThatThrownBy(() -> gw.s3.completeMultipartUpload(b -> b.bucket("bkt").key("k").uploadId(id)
                .multipartUpload(m -> m.parts(p2, p1))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
        assertThatThrownBy(() -> gw.s3.completeMultipartUpload(b -> b.bucket("bkt").key("k").uploadId(id)
                .multipartUpload(m -> m.parts(p1, p2))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
        CompletedPart wrong = p2.toBuilder().eTag("\"00000000000000000000000000000000\"").build();
        assertThatThrownBy(() -> gw.s3.completeMultipartUpload(b -> b.bucket("bkt").key("k").uploadId(id)
                .multipartUpload(m -> m.parts(wrong))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        assertThat(gw.s3.listParts(b -> b.bucket("bkt").key("k").uploadId(id)).parts()).hasSize(2);
        gw.s3.abortMultipartUpload(b -> b.bucket("bkt").key("k").uploadId(id));
        assertThat(gw.s3.listMultipartUploads(b -> b.bucket("bkt")).uploads()).isEmpty();
        assertThatThrownBy(() -> gw.s3.getObject(b -> b.bucket("bkt").key("k"))).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> gw.s3.uploadPart(b -> b.bucket("bkt").key("k").uploadId("../../etc").partNumber(1),
                RequestBody.fromString("x"))).isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void staleUploadsExpire() throws Exception {
        ManualClock clock = new ManualClock();
        try (GatewayFixture g = new GatewayFixture(S3Config.defaults().withListen("127.0.0.1", 0), clock)) {
            S3Store store = S3Store.open(g.fs, "/");
            Uploads uploads = new Uploads(store, clock);
            UploadSweeper sweeper = new UploadSweeper(uploads, clock, Duration.ofDays(7));
            g.s3.createBucket(b -> b.bucket("bkt"));
            String id = g.s3.createMultipartUpload(b -> b.bucket("bkt").key("old")).uploadId();
            clock.now = clock.now.plus(Duration.ofDays(6));
            assertThat(sweeper.sweep()).isZero();
            clock.now = clock.now.plus(Duration.ofDays(2));
            assertThat(sweeper.sweep()).isEqualTo(1);
            clock.now = Instant.now();
            assertThatThrownBy(() -> g.s3.listParts(b -> b.bucket("bkt").key("old").uploadId(id)))
                    .isInstanceOf(S3Exception.class);
        }
    }
}
