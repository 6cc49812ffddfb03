package org.mfsj.s3.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.GatewayFixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

class BucketOpsTest {
    GatewayFixture gw;

    @BeforeEach
    void start() throws Exception {
        gw = new GatewayFixture();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void createListHeadDelete() {
        gw.s3.createBucket(b -> b.bucket("one"));
        gw.s3.createBucket(b -> b.bucket("two.dots-and-dash"));
        assertThat(gw.s3.listBuckets().buckets()).extracting(Bucket::name)
                .containsExactly("one", "two.dots-and-dash");
        gw.s3.headBucket(b -> b.bucket("one"));
        assertThatThrownBy(() -> gw.s3.createBucket(b -> b.bucket("one")))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class);
        assertThatThrownBy(() -> gw.s3.headBucket(b -> b.bucket("none")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        gw.s3.putObject(b -> b.bucket("one").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> gw.s3.deleteBucket(b -> b.bucket("one")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
        gw.s3.deleteObject(b -> b.bucket("one").key("k"));
        gw.s3.deleteBucket(b -> b.bucket("one"));
        assertThatThrownBy(() -> gw.s3.listObjectsV2(b -> b.bucket("one"))).isInstanceOf(NoSuchBucketException.class);
        assertThat(gw.s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("two.dots-and-dash");
    }

    @Test
    void eachUserListsTheBucketsItOwnsNotEveryOneItCanRead() {
        gw.s3.createBucket(b -> b.bucket("mine"));
        try (var other = gw.client("OTHER", "other", true)) {
            other.createBucket(b -> b.bucket("theirs"));
            // "theirs" is a 0755 directory: readable by the first user, but not its bucket
            assertThat(gw.s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("mine");
            assertThat(other.listBuckets().buckets()).extracting(Bucket::name).containsExactly("theirs");
        }
    }

    @Test
    void badBucketNamesAreRefused() {
        for (String bad : List.of("ab", "UPPER", "under_score", "-dash", ".mfss3")) {
            // the SDK checks names on CreateBucket itself; a listing reaches the gateway
            assertThatThrownBy(() -> gw.s3.listObjectsV2(b -> b.bucket(bad))).as(bad)
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName"));
        }
    }

    @Test
    void locationVersioningAndVersionsOfAnUnversionedBucket() {
        gw.s3.createBucket(b -> b.bucket("bkt"));
        gw.s3.putObject(b -> b.bucket("bkt").key("a/b"), RequestBody.fromString("1"));
        gw.s3.putObject(b -> b.bucket("bkt").key("c"), RequestBody.fromString("22"));
        assertThat(gw.s3.getBucketLocation(b -> b.bucket("bkt")).locationConstraintAsString()).isEmpty();
        assertThat(gw.s3.getBucketVersioning(b -> b.bucket("bkt")).status()).isNull();
        var v = gw.s3.listObjectVersions(b -> b.bucket("bkt"));
        assertThat(v.versions()).extracting(x -> x.key() + ":" + x.versionId() + ":" + x.size() + ":" + x.isLatest())
                .containsExactly("a/b:null:1:true", "c:null:2:true");
    }

    @Test
    void deleteObjectsInBulk() {
        gw.s3.createBucket(b -> b.bucket("bkt"));
        for (String k : List.of("x/1", "x/2", "y")) {
            gw.s3.putObject(b -> b.bucket("bkt").key(k), RequestBody.fromString(k));
        }
        var r = gw.s3.deleteObjects(b -> b.bucket("bkt").delete(Delete.builder().objects(
                ObjectIdentifier.builder().key("x/1").build(), ObjectIdentifier.builder().key("y").build(),
                ObjectIdentifier.builder().key("missing").build(), ObjectIdentifier.builder().key("../bad").build())
                .build()));
        assertThat(r.deleted()).extracting(d -> d.key()).containsExactly("x/1", "y", "missing");
        assertThat(r.errors()).extracting(e -> e.key() + ":" + e.code()).containsExactly("../bad:InvalidObjectName");
        assertThat(gw.s3.listObjectsV2(b -> b.bucket("bkt")).contents()).extracting(o -> o.key())
                .containsExactly("x/2");
    }

    @Test
    void virtualHostStyleAddressing() {
        try (var vhost = gw.client(GatewayFixture.AK, GatewayFixture.SK, false)) {
            vhost.createBucket(b -> b.bucket("vbucket"));
            vhost.putObject(b -> b.bucket("vbucket").key("dir/f"), RequestBody.fromString("via host"));
            assertThat(vhost.getObjectAsBytes(b -> b.bucket("vbucket").key("dir/f")).asUtf8String())
                    .isEqualTo("via host");
            assertThat(vhost.listObjectsV2(b -> b.bucket("vbucket")).contents()).hasSize(1);
        }
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("vbucket").key("dir/f")).asUtf8String())
                .isEqualTo("via host");
    }

    @Test
    void anotherUsersBucketIsTheirs() {
        gw.s3.createBucket(b -> b.bucket("mine"));
        try (var other = gw.client("OTHER", "other", true)) {
            assertThatThrownBy(() -> other.createBucket(b -> b.bucket("mine")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists"));
        }
    }
}
