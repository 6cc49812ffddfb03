package org.mfsj.s3.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.store.DirMarkers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Keys ending in '/' (directory markers) are the directories themselves, with their metadata in an xattr. */
class DirMarkerTest extends WithBucket {
    private Attr path(String... names) throws MfsException {
        var fs = gw.fs;
        Attr a = fs.lookup(Creds.ROOT, fs.rootInode(), "bkt");
        for (String n : names) {
            a = fs.lookup(Creds.ROOT, a.inode(), n);
        }
        return a;
    }

    private void put(String key, String body) {
        gw.s3.putObject(b -> b.bucket("bkt").key(key), RequestBody.fromString(body));
    }

    private java.util.List<String> keys(String prefix) {
        return gw.s3.listObjectsV2(b -> b.bucket("bkt").prefix(prefix)).contents().stream().map(S3Object::key)
                .toList();
    }

    @Test
    void aMarkerIsTheDirectoryAndAnObjectInHeadGetAndListings() throws Exception {
        var put = gw.s3.putObject(b -> b.bucket("bkt").key("photos/2024/").contentType("application/x-directory")
                .metadata(Map.of("by", "console")), RequestBody.empty());
        assertThat(put.eTag()).isEqualTo("\"" + DirMarkers.EMPTY_ETAG + "\"");
        Attr dir = path("photos", "2024");
        assertThat(dir.isDirectory()).isTrue();
        assertThat(gw.fs.getxattr(Creds.ROOT, dir.inode(), DirMarkers.XATTR)).isNotEmpty();

        var head = gw.s3.headObject(b -> b.bucket("bkt").key("photos/2024/"));
        assertThat(head.contentLength()).isZero();
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThat(head.contentType()).isEqualTo("application/x-directory");
        assertThat(head.metadata()).containsEntry("by", "console");
        assertThat(gw.s3.getObjectAsBytes(b -> b.bucket("bkt").key("photos/2024/")).asByteArray()).isEmpty();
        // the parent made on the way is a plain prefix, not an object
        assertThatThrownBy(() -> gw.s3.headObject(b -> b.bucket("bkt").key("photos/")))
                .isInstanceOf(NoSuchKeyException.class);

        put("photos/2024/a.jpg", "a");
        put("photos/2024.txt", "t");
        put("photos/2024-b", "b");
        // S3 byte order: "photos/2024-b" < "photos/2024.txt" < "photos/2024/" < "photos/2024/a.jpg"
        assertThat(keys("")).containsExactly("photos/2024-b", "photos/2024.txt", "photos/2024/", "photos/2024/a.jpg");
        var top = gw.s3.listObjectsV2(b -> b.bucket("bkt").prefix("photos/").delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("photos/2024-b", "photos/2024.txt");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/2024/");
        var inside = gw.s3.listObjectsV2(b -> b.bucket("bkt").prefix("photos/2024/").delimiter("/"));
        assertThat(inside.contents()).extracting(S3Object::key).containsExactly("photos/2024/", "photos/2024/a.jpg");
        assertThat(inside.contents().get(0).size()).isZero();
        assertThat(inside.contents().get(0).lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isEqualTo(head.lastModified());
        // paged one by one, the marker is neither lost nor repeated
        java.util.List<String> paged = new java.util.ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = gw.s3.listObjectsV2(b -> b.bucket("bkt").prefix("photos/2024").maxKeys(1).continuationToken(t));
            page.contents().forEach(o -> paged.add(o.key()));
            token = page.nextContinuationToken();
        } while (token != null);
        assertThat(paged).containsExactly("photos/2024-b", "photos/2024.txt", "photos/2024/", "photos/2024/a.jpg");
    }

    @Test
    void deletingKeepsMarkedDirectoriesAndRemovesTheMarkerAndEmptyDirectory() throws Exception {
        gw.s3.putObject(b -> b.bucket("bkt").key("a/"), RequestBody.empty());
        put("a/b/c", "c");
        gw.s3.deleteObject(b -> b.bucket("bkt").key("a/b/c"));
        // b went (no marker), a stays: its marker is an object still
        assertThat(path("a").isDirectory()).isTrue();
        assertThatThrownBy(() -> path("a", "b")).isInstanceOf(MfsException.class);
        assertThat(keys("")).containsExactly("a/");

        put("a/x", "x");
        gw.s3.deleteObject(b -> b.bucket("bkt").key("a/"));
        // the marker went, the directory stays for its object
        assertThat(keys("")).containsExactly("a/x");
        assertThat(path("a").isDirectory()).isTrue();
        assertThatThrownBy(() -> gw.s3.headObject(b -> b.bucket("bkt").key("a/")))
                .isInstanceOf(NoSuchKeyException.class);
        gw.s3.putObject(b -> b.bucket("bkt").key("a/"), RequestBody.empty());
        gw.s3.deleteObject(b -> b.bucket("bkt").key("a/x"));
        gw.s3.deleteObjects(b -> b.bucket("bkt").delete(d -> d.objects(o -> o.key("a/"))));
        assertThat(keys("")).isEmpty();
        assertThatThrownBy(() -> path("a")).isInstanceOf(MfsException.class);
        // deleting a marker that is not there is fine, as for any key
        gw.s3.deleteObject(b -> b.bucket("bkt").key("nothing/"));
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        assertThatThrownBy(() -> gw.s3.putObject(b -> b.bucket("bkt").key("data/"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
        assertThatThrownBy(() -> path("data")).isInstanceOf(MfsException.class);
        put("file", "f");
        assertThatThrownBy(() -> gw.s3.putObject(b -> b.bucket("bkt").key("file/"), RequestBody.empty()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyConflict"));
        assertThatThrownBy(() -> gw.s3.putObject(b -> b.bucket("bkt").key("a//"), RequestBody.empty()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectName"));
        assertThat(keys("")).containsExactly("file");
        // a directory made through another door is a prefix, not an object
        gw.fs.mkdir(Creds.ROOT, path().inode(), "made", 0755);
        assertThatThrownBy(() -> gw.s3.headObject(b -> b.bucket("bkt").key("made/")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
