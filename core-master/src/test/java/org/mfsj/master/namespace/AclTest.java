package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.acl.AclBytes;
import org.mfsj.master.namespace.acl.PosixAcl;
import org.mfsj.master.namespace.op.NamespaceRecord;

/** POSIX ACLs as setfacl/getfacl use them through xattrs, enforced for every door by the master. */
class AclTest extends NamespaceFixture {
    private final List<NamespaceRecord> log = new ArrayList<>();

    AclTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    private static void denied(ThrowingRunnable r, Status s) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(s));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aNamedUserEntryGrantsWhatTheModeDoesNot() throws Exception {
        long f = fileOf(ALICE, ROOT, "f", 0600);
        denied(() -> ns.checkAccess(BOB, f, 4), Status.EACCES);
        ns.setxattr(ALICE, f, PosixAcl.ACCESS, AclBytes.of("u::rw-,u:1001:r--,g::---,m::r--,o::---"), 0);
        ns.checkAccess(BOB, f, 4);
        denied(() -> ns.checkAccess(BOB, f, 2), Status.EACCES);
        denied(() -> ns.checkAccess(CAROL, f, 4), Status.EACCES);
        assertThat(ns.getattr(f).mode() & 0777).as("group bits show the mask").isEqualTo(0640);

        ns.setattr(ALICE, f, SetAttr.mode(0600));
        denied(() -> ns.checkAccess(BOB, f, 4), Status.EACCES);
        assertThat(PosixAcl.parse(ns.getxattr(SU, f, PosixAcl.ACCESS)).modeBits()).isEqualTo(0600);
    }

    @Test
    void onlyTheOwnerSetsAclsAndBadOnesChangeNothing() throws Exception {
        long f = fileOf(ALICE, ROOT, "f", 0666);
        byte[] acl = AclBytes.of("u::rw-,u:1001:rw-,g::r--,m::rw-,o::r--");
        denied(() -> ns.setxattr(BOB, f, PosixAcl.ACCESS, acl, 0), Status.EPERM);
        denied(() -> ns.setxattr(ALICE, f, PosixAcl.ACCESS, new byte[] {2, 0, 0, 0, 9}, 0), Status.EINVAL);
        denied(() -> ns.setxattr(ALICE, f, PosixAcl.DEFAULT, acl, 0), Status.EACCES);
        assertThat(ns.getattr(f).mode() & 0777).isEqualTo(0666);
        assertThat(ns.listxattr(SU, f)).isEmpty();
        // a minimal ACL is only a mode: nothing is kept but the bits
        ns.setxattr(ALICE, f, PosixAcl.ACCESS, AclBytes.of("u::rw-,g::---,o::---"), 0);
        assertThat(ns.getattr(f).mode() & 0777).isEqualTo(0600);
        assertThat(ns.listxattr(SU, f)).isEmpty();
    }

    @Test
    void aDefaultAclIsInheritedByFilesAndDirectoriesAndReplaysTheSame() throws Exception {
        long d = dirOf(ALICE, ROOT, "shared", 0755);
        ns.setxattr(ALICE, d, PosixAcl.DEFAULT, AclBytes.of("u::rwx,u:1001:rwx,g::r-x,m::rwx,o::---"), 0);
        long f = ns.mknod(ALICE, d, "f", FileType.FILE, 0644, 0).inode();
        long sub = ns.mkdir(ALICE, d, "sub", 0755).inode();
        ns.checkAccess(BOB, f, 4);
        denied(() -> ns.checkAccess(BOB, f, 2), Status.EACCES);
        assertThat(ns.getattr(f).mode() & 0777).isEqualTo(0640);
        assertThat(ns.getxattr(SU, sub, PosixAcl.DEFAULT)).isNotEmpty();
        long deeper = ns.mknod(ALICE, sub, "g", FileType.FILE, 0666, 0).inode();
        ns.checkAccess(BOB, deeper, 6);

        Namespace copy = new Namespace(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        copy.setChunkListener(new RecordingListener());
        log.forEach(copy::replay);
        copy.checkAccess(BOB, deeper, 6);
        assertThat(copy.getattr(f).mode()).isEqualTo(ns.getattr(f).mode());
    }
}
