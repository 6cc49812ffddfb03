package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.master.namespace.op.NamespaceRecord;

class QuotaTest extends NamespaceFixture {
    private final List<NamespaceRecord> log = new ArrayList<>();

    QuotaTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    @Test
    void usageIsCountedWhenSetAndKeptByEveryChange() throws Exception {
        long q = dir(ROOT, "q");
        long sub = dir(q, "sub");
        long f = file(sub, "f");
        ns.extendLength(f, 1000);
        ns.setQuota(SU, q, 0, 10_000, 0, 10);
        assertThat(usage(q)).containsExactly(1000, 2);
        long g = file(q, "g");
        ns.extendLength(g, 500);
        assertThat(usage(q)).containsExactly(1500, 3);
        ns.truncate(SU, f, 100);
        assertThat(usage(q)).containsExactly(600, 3);
        ns.rename(SU, q, "g", ROOT, "g");
        assertThat(usage(q)).containsExactly(100, 2);
        ns.rename(SU, ROOT, "g", sub, "g");
        assertThat(usage(q)).containsExactly(600, 3);
        ns.rename(SU, q, "sub", ROOT, "sub");
        assertThat(usage(q)).containsExactly(0, 0);
        ns.rename(SU, ROOT, "sub", q, "sub");
        ns.unlink(SU, sub, "g");
        ns.unlink(SU, sub, "f");
        ns.rmdir(SU, q, "sub");
        assertThat(usage(q)).containsExactly(0, 0);
        ns.setQuota(SU, q, 0, 0, 0, 0);
        assertStatus(Status.ENOENT, () -> ns.getQuota(q));
    }

    @Test
    void theHardLimitsRefuseWhatWouldPassThemAndChangeNothing() throws Exception {
        long q = dir(ROOT, "q");
        ns.setQuota(SU, q, 0, 1000, 0, 2);
        long f = file(q, "f");
        ns.extendLength(f, 1000);
        assertStatus(Status.EDQUOT, () -> ns.extendLength(f, 1001));
        assertStatus(Status.EDQUOT, () -> ns.truncate(SU, f, 2000));
        assertStatus(Status.EDQUOT, () -> ns.checkQuota(f, 1));
        file(q, "g");
        assertStatus(Status.EDQUOT, () -> file(q, "h"));
        assertStatus(Status.EDQUOT, () -> dir(q, "d"));
        long outside = file(ROOT, "outside");
        assertStatus(Status.EDQUOT, () -> ns.rename(SU, ROOT, "outside", q, "outside"));
        assertStatus(Status.EDQUOT, () -> ns.snapshot(SU, f, q, "copy"));
        assertStatus(Status.EDQUOT, () -> ns.link(SU, outside, q, "hard"));
        assertThat(ns.getattr(f).length()).isEqualTo(1000);
        assertThat(usage(q)).containsExactly(1000, 2);
        ns.truncate(SU, f, 10);
        ns.checkQuota(f, 1);
    }

    @Test
    void nestedQuotasAndTrashAreCountedAndSoftLimitsOnlyReported() throws Exception {
        ns.setTrashTime(SU, ROOT, 60, false);
        long a = dir(ROOT, "a");
        long b = dir(a, "b");
        ns.setQuota(SU, a, 0, 0, 1, 0);
        ns.setQuota(SU, b, 0, 0, 0, 1);
        long f = file(b, "f");
        ns.extendLength(f, 7);
        assertStatus(Status.EDQUOT, () -> file(b, "g"));
        file(a, "g");
        QuotaInfo qa = ns.getQuota(a);
        assertThat(qa.usedInodes()).isEqualTo(3);
        assertThat(qa.overSoft()).isTrue();
        ns.unlink(SU, b, "f");
        assertThat(usage(b)).containsExactly(0, 0);
        ns.restore(SU, f);
        assertThat(usage(b)).containsExactly(7, 1);
    }

    @Test
    void onlyRootSetsQuotasOnDirectories() throws Exception {
        long d = dirOf(ALICE, ROOT, "d", 0755);
        long f = file(ROOT, "f");
        assertStatus(Status.EPERM, () -> ns.setQuota(ALICE, d, 0, 1, 0, 0));
        assertStatus(Status.ENOTDIR, () -> ns.setQuota(SU, f, 0, 1, 0, 0));
        assertStatus(Status.EINVAL, () -> ns.setQuota(SU, d, -1, 1, 0, 0));
    }

    @Test
    void replayKeepsTheSameUsage() throws Exception {
        long q = dir(ROOT, "q");
        file(q, "early");
        ns.setQuota(SU, q, 0, 1 << 20, 0, 100);
        long f = file(q, "f");
        ns.extendLength(f, 4096);
        ns.snapshot(SU, f, q, "f2");
        ns.rename(SU, q, "early", ROOT, "early");
        Namespace copy = new Namespace(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        log.forEach(copy::replay);
        assertThat(copy.getQuota(q)).isEqualTo(ns.getQuota(q));
        assertThat(usage(q)).containsExactly(8192, 2);
    }

    private long[] usage(long dir) throws Exception {
        QuotaInfo q = ns.getQuota(dir);
        return new long[] {q.usedBytes(), q.usedInodes()};
    }
}
