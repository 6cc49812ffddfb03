package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.master.namespace.op.NamespaceRecord;
import org.mfsj.master.namespace.op.PublishRecord;

/** publish = utimes(mtime) + setxattr + rename as one record, with the checks of all three. */
class PublishTest extends NamespaceFixture {
    private static final String META = "user.s3.meta";
    private final List<NamespaceRecord> log = new ArrayList<>();

    PublishTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setsMtimeAndAttributeAndReplacesTheTargetInOneRecord() throws Exception {
        long tmp = dirOf(ALICE, ROOT, "tmp", 0755);
        long bucket = dirOf(ALICE, ROOT, "bucket", 0755);
        long old = fileOf(ALICE, bucket, "key", 0644);
        long fresh = ns.mknod(ALICE, tmp, "t1", FileType.FILE, 0644, 0).inode();
        tick();
        int before = log.size();
        Attr a = ns.publish(ALICE, tmp, "t1", bucket, "key", META, bytes("etag=1"), 1_000_000_123L);

        assertThat(log.size() - before).isEqualTo(1);
        assertThat(log.get(log.size() - 1)).isInstanceOf(PublishRecord.class);
        assertThat(a.inode()).isEqualTo(fresh);
        assertThat(a.mtimeNanos()).isEqualTo(1_000_000_123L);
        assertThat(ns.lookup(ALICE, bucket, "key").inode()).isEqualTo(fresh);
        assertThat(ns.getxattr(ALICE, fresh, META)).isEqualTo(bytes("etag=1"));
        assertStatus(Status.ENOENT, () -> ns.lookup(ALICE, tmp, "t1"));
        assertStatus(Status.ENOENT, () -> ns.getattr(old));

        Namespace copy = new Namespace(new ManualClock(clock.instant()));
        log.forEach(copy::replay);
        assertThat(copy.getattr(fresh)).isEqualTo(ns.getattr(fresh));
        assertThat(copy.getxattr(SU, fresh, META)).isEqualTo(bytes("etag=1"));
    }

    @Test
    void refusalsChangeNothingAndLogNothing() throws Exception {
        long tmp = dirOf(ALICE, ROOT, "tmp", 0777);
        long bobs = dirOf(BOB, ROOT, "bobs", 0755);
        long mine = dirOf(ALICE, ROOT, "mine", 0755);
        long f = ns.mknod(ALICE, tmp, "t", FileType.FILE, 0644, 0).inode();
        ns.mkdir(ALICE, mine, "adir", 0755);
        ns.mkdir(ALICE, tmp, "d", 0755);
        int before = log.size();
        // no write permission on the target directory
        assertStatus(Status.EACCES, () -> ns.publish(ALICE, tmp, "t", bobs, "k", META, bytes("x"), 1));
        // a non-owner may not set the mtime (nor write the attribute of a 0644 file)
        assertStatus(Status.EACCES, () -> ns.publish(BOB, tmp, "t", tmp, "k", META, bytes("x"), 1));
        // over a directory, as rename refuses it
        assertStatus(Status.EISDIR, () -> ns.publish(ALICE, tmp, "t", mine, "adir", META, bytes("x"), 1));
        // only regular files are published
        assertStatus(Status.EINVAL, () -> ns.publish(ALICE, tmp, "d", mine, "dd", META, bytes("x"), 1));
        assertStatus(Status.ENOENT, () -> ns.publish(ALICE, tmp, "missing", mine, "k", META, bytes("x"), 1));
        assertThat(log).hasSize(before);
        assertThat(ns.lookup(ALICE, tmp, "t").inode()).isEqualTo(f);
        assertStatus(Status.ENODATA, () -> ns.getxattr(ALICE, f, META));
    }

    @Test
    void aConditionalPublishReplacesOnlyTheExpectedTargetAndLogsNothingWhenRefused() throws Exception {
        long tmp = dirOf(ALICE, ROOT, "tmp", 0755);
        long bucket = dirOf(ALICE, ROOT, "bucket", 0755);
        long first = ns.mknod(ALICE, tmp, "t1", FileType.FILE, 0644, 0).inode();
        long second = ns.mknod(ALICE, tmp, "t2", FileType.FILE, 0644, 0).inode();
        long third = ns.mknod(ALICE, tmp, "t3", FileType.FILE, 0644, 0).inode();
        // must be free: it is
        ns.publish(ALICE, tmp, "t1", bucket, "key", META, bytes("1"), 1, Publish.NO_TARGET);
        int before = log.size();
        // must be free: it is not any more (the second of two If-None-Match writers)
        assertStatus(Status.TARGET_CHANGED,
                () -> ns.publish(ALICE, tmp, "t2", bucket, "key", META, bytes("2"), 2, Publish.NO_TARGET));
        // must be a file that is no longer there (an If-Match writer that lost the race)
        assertStatus(Status.TARGET_CHANGED,
                () -> ns.publish(ALICE, tmp, "t2", bucket, "key", META, bytes("2"), 2, third));
        assertStatus(Status.TARGET_CHANGED,
                () -> ns.publish(ALICE, tmp, "t2", bucket, "other", META, bytes("2"), 2, first));
        assertThat(log).hasSize(before);
        assertThat(ns.lookup(ALICE, tmp, "t2").inode()).isEqualTo(second);
        assertThat(ns.lookup(ALICE, bucket, "key").inode()).isEqualTo(first);
        // must be the file that is there: replaced
        ns.publish(ALICE, tmp, "t2", bucket, "key", META, bytes("2"), 2, first);
        assertThat(ns.lookup(ALICE, bucket, "key").inode()).isEqualTo(second);
        assertStatus(Status.ENOENT, () -> ns.getattr(first));
    }
}
