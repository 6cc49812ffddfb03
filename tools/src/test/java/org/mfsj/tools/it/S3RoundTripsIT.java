package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MasterReplyCounts;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.S3Config;
import org.mfsj.s3.S3Server;
import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.auth.Users;
import org.mfsj.tools.cluster.LocalCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How many master calls a small PUT, GET and HEAD cost, counted by the gateway's own client
 * (the gateway runs in this JVM over a real cluster), and that what the one-change PUT
 * (create+open, then metadata+mtime+rename as one record) wrote survives a master kill -9.
 */
class S3RoundTripsIT {
    private static final String AK = "AKROUNDTRIPS";
    private static final String SK = "round/trips";

    @TempDir
    Path tmp;

    /** The count once the calls sent in the background (a close's release) have gone out. */
    private static long settled(MfsClient c) throws InterruptedException {
        long last = c.metrics().masterCalls();
        while (true) {
            Thread.sleep(150);
            long now = c.metrics().masterCalls();
            if (now == last) {
                return now;
            }
            last = now;
        }
    }

    /**
     * UploadPart was 10 calls, all durable (upload lookup, its info, create, open, chunk, chunk
     * end, getattr, setxattr, rename, close); now it writes through the scratch calls as a PUT does.
     */
    private static void uploadPartCostsWhatAPutCosts(MfsClient gwClient, S3Client s3, byte[] body) throws Exception {
        String id = s3.createMultipartUpload(b -> b.bucket("small").key("multi")).uploadId();
        long before = settled(gwClient);
        MasterReplyCounts repliesBefore = gwClient.masterReplyCounts();
        var part = s3.uploadPart(b -> b.bucket("small").key("multi").uploadId(id).partNumber(1),
                RequestBody.fromBytes(body));
        long partCalls = settled(gwClient) - before;
        MasterReplyCounts repliesAfter = gwClient.masterReplyCounts();
        long partEarly = repliesAfter.applied() - repliesBefore.applied();
        System.err.printf("master calls: UploadPart 4 KiB %d (%d answered once applied)%n", partCalls, partEarly);
        // upload lookup, its info, create+open with its chunk, publish with the chunk end, and the
        // count call (was 7-8: the chunk open and the chunk end were calls of their own)
        assertThat(partCalls).isBetween(5L, 6L);
        assertThat(partEarly).isEqualTo(1);
        s3.completeMultipartUpload(b -> b.bucket("small").key("multi").uploadId(id).multipartUpload(
                m -> m.parts(p -> p.partNumber(1).eTag(part.eTag()))));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("small").key("multi")).asByteArray()).isEqualTo(body);
    }

    /**
     * A key with a '/' was a Lookup of its directory more per PUT; the gateway now keeps the
     * directories found for a second, so the second PUT into one costs what a PUT at the top does.
     */
    private static void aKeysDirectoryFoundOnceCostsNoLookupAfter(MfsClient gwClient, MfsClient other, S3Client s3,
            byte[] body) throws Exception {
        s3.putObject(b -> b.bucket("small").key("deep/first"), RequestBody.fromBytes(body));
        long before = settled(gwClient);
        s3.putObject(b -> b.bucket("small").key("deep/second"), RequestBody.fromBytes(body));
        long calls = settled(gwClient) - before;
        System.err.printf("master calls: PUT 4 KiB into a directory found before %d%n", calls);
        // create+write, publish, perhaps a bucket lookup (its 1 s cache ran out); no directory lookup
        assertThat(calls).isBetween(2L, 3L);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("small").key("deep/second")).asByteArray()).isEqualTo(body);
        // the directory removed through another door while the gateway keeps it: made again, and
        // the object lands in the new one
        long bucketDir = other.resolve(Creds.ROOT, "/s3/small").inode();
        long deep = other.resolve(Creds.ROOT, "/s3/small/deep").inode();
        other.unlink(Creds.ROOT, deep, "first");
        other.unlink(Creds.ROOT, deep, "second");
        other.rmdir(Creds.ROOT, bucketDir, "deep");
        s3.putObject(b -> b.bucket("small").key("deep/third"), RequestBody.fromBytes(body));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("small").key("deep/third")).asByteArray()).isEqualTo(body);
        assertThat(other.resolve(Creds.ROOT, "/s3/small/deep").inode()).isNotEqualTo(deep);
        aKeysDirectoryMovedByAnotherClientIsNotFollowed(other, s3, body, bucketDir);
    }

    /**
     * The directory renamed through another door while the gateway keeps it: the next PUT's
     * publish finds that the key's path no longer leads there, and the object lands at its key in a
     * directory made anew, not in the moved directory (where a GET of the key would not find it).
     */
    private static void aKeysDirectoryMovedByAnotherClientIsNotFollowed(MfsClient other, S3Client s3, byte[] body,
            long bucketDir) throws Exception {
        s3.putObject(b -> b.bucket("small").key("moving/first"), RequestBody.fromBytes(body));
        long moving = other.resolve(Creds.ROOT, "/s3/small/moving").inode();
        other.rename(Creds.ROOT, bucketDir, "moving", bucketDir, "moved");
        s3.putObject(b -> b.bucket("small").key("moving/second"), RequestBody.fromBytes(body));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("small").key("moving/second")).asByteArray()).isEqualTo(body);
        assertThat(other.resolve(Creds.ROOT, "/s3/small/moving").inode()).isNotEqualTo(moving);
        assertThat(ClusterFixture.names(other, moving)).as("the moved directory").contains("first")
                .doesNotContain("second");
    }

    @Test
    void smallObjectsCostFewMasterCallsAndTheirOneChangePutSurvivesAMasterCrash() throws Exception {
        S3Config cfg = S3Config.load(Files.writeString(tmp.resolve("mfss3.cfg"), "S3_ROOT = /s3\n"))
                .withListen("127.0.0.1", 0);
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("cluster"));
             MfsClient gwClient = MfsClient.connect(ClientConfig.of(fx.cluster.masterAddress())
                     .withClientInfo("s3-in-test"));
             S3Server gw = S3Server.start(cfg, gwClient,
                     Users.of(new S3User(AK, SK, 1000, 1000)), Clock.systemUTC());
             S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                     .endpointOverride(URI.create("http://127.0.0.1:" + gw.port()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AK, SK)))
                     .httpClient(ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build()).build()) {
            s3.createBucket(b -> b.bucket("small"));
            byte[] body = new byte[4096];
            new Random(4).nextBytes(body);
            s3.putObject(b -> b.bucket("small").key("warm"), RequestBody.fromBytes(body));

            long before = settled(gwClient);
            MasterReplyCounts repliesBefore = gwClient.masterReplyCounts();
            var put = s3.putObject(b -> b.bucket("small").key("obj").contentType("text/x-test")
                    .metadata(Map.of("k", "v")), RequestBody.fromBytes(body));
            long putCalls = settled(gwClient) - before;
            MasterReplyCounts repliesAfter = gwClient.masterReplyCounts();
            // the count call itself is one durable reply
            long putWaits = repliesAfter.durable() - repliesBefore.durable() - 1;
            long putEarly = repliesAfter.applied() - repliesBefore.applied();
            before = settled(gwClient);
            long locationsBefore = gwClient.metrics().locationLookups();
            var got = s3.getObjectAsBytes(b -> b.bucket("small").key("obj"));
            long getCalls = settled(gwClient) - before;
            long getLocationCalls = gwClient.metrics().locationLookups() - locationsBefore;
            before = settled(gwClient);
            var head = s3.headObject(b -> b.bucket("small").key("obj"));
            long headCalls = settled(gwClient) - before;
            System.err.printf("master calls: PUT 4 KiB %d (%d answered once durable, %d once applied), GET %d"
                    + " (%d chunk locations), HEAD %d%n", putCalls, putWaits, putEarly, getCalls, getLocationCalls,
                    headCalls);

            assertThat(got.asByteArray()).isEqualTo(body);
            assertThat(got.response().eTag()).isEqualTo(put.eTag());
            assertThat(head.contentType()).isEqualTo("text/x-test");
            assertThat(head.metadata()).containsEntry("k", "v");
            // Each may add one bucket lookup when the gateway's 1 s bucket cache ran out meanwhile,
            // and each count of calls includes the reply-count call made with it.
            // PUT was 9 (bucket, create, open, chunk, chunk end, close, getattr, setxattr, rename),
            // then 5 (create+open, chunk, chunk end, publish, close), then 4 when the close stopped
            // sending anything (the master does not count a scratch file's open: its Publish ends
            // it); now 2: the create opens the first chunk (ScratchCreateWrite) and the publish
            // records the chunk end (PublishWritten)
            assertThat(putCalls).isBetween(3L, 4L);
            // the create touches only the temp file (in the marked scratch directory) and is
            // answered once applied; publish alone (and a bucket lookup) waits for the changelog.
            // Nothing else of the gateway's ran meanwhile (settled above).
            assertThat(putEarly).isEqualTo(1);
            // (the count is the master's: a session's keep-alive ping may add one)
            assertThat(putWaits).isBetween(1L, 3L);
            // GET was 6 (bucket, lookup, getxattr, open, chunk location, close), then 3 (lookup+xattr+open,
            // chunk location, close); now the lookup's reply says where the first chunk is
            assertThat(getCalls).isBetween(2L, 3L);
            assertThat(getLocationCalls).isZero();
            // HEAD was 3 (bucket, lookup, getxattr); now lookup+xattr
            assertThat(headCalls).isBetween(1L, 2L);

            aKeysDirectoryFoundOnceCostsNoLookupAfter(gwClient, fx.client(), s3, body);
            uploadPartCostsWhatAPutCosts(gwClient, s3, body);

            // the object, its metadata and its Last-Modified are one changelog record: all come back
            MfsClient c = fx.client();
            Attr file = c.resolve(Creds.ROOT, "/s3/small/obj");
            fx.cluster.kill9(LocalCluster.MASTER);
            fx.cluster.start(LocalCluster.MASTER);
            fx.cluster.waitReady(Duration.ofSeconds(90));
            var again = s3.headObject(b -> b.bucket("small").key("obj"));
            assertThat(again.eTag()).isEqualTo(put.eTag());
            assertThat(again.lastModified()).isEqualTo(head.lastModified());
            assertThat(again.metadata()).containsEntry("k", "v");
            assertThat(c.resolve(Creds.ROOT, "/s3/small/obj").mtimeNanos()).isEqualTo(file.mtimeNanos());
            assertThat(s3.getObjectAsBytes(b -> b.bucket("small").key("obj")).asByteArray()).isEqualTo(body);
        }
    }
}
