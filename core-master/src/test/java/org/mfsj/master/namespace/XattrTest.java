package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.namespace.Namespace.XATTR_CREATE;
import static org.mfsj.master.namespace.Namespace.XATTR_REPLACE;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;

class XattrTest extends NamespaceFixture {
    private long f;

    @BeforeEach
    void aliceOwnsAFile() throws Exception {
        f = fileOf(ALICE, ROOT, "f", 0640);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setGetListRemove() throws Exception {
        tick();
        ns.setxattr(ALICE, f, "user.b", bytes("two"), 0);
        ns.setxattr(ALICE, f, "user.a", bytes("one"), 0);
        assertThat(ns.getxattr(ALICE, f, "user.a")).isEqualTo(bytes("one"));
        assertThat(ns.listxattr(ALICE, f)).containsExactly("user.a", "user.b");
        assertThat(attr(f).ctimeNanos()).isEqualTo(clock.nanos());
        tick();
        ns.removexattr(ALICE, f, "user.a");
        assertThat(attr(f).ctimeNanos()).isEqualTo(clock.nanos());
        assertThat(ns.listxattr(ALICE, f)).containsExactly("user.b");
        assertStatus(Status.ENODATA, () -> ns.getxattr(ALICE, f, "user.a"));
    }

    @Test
    void valuesAreCopiedInAndOut() throws Exception {
        byte[] value = bytes("abc");
        ns.setxattr(ALICE, f, "user.x", value, 0);
        value[0] = 'z';
        ns.getxattr(ALICE, f, "user.x")[1] = 'z';
        assertThat(ns.getxattr(ALICE, f, "user.x")).isEqualTo(bytes("abc"));
    }

    @Test
    void createAndReplaceFlags() throws Exception {
        assertStatus(Status.ENODATA, () -> ns.setxattr(ALICE, f, "user.x", bytes("1"), XATTR_REPLACE));
        ns.setxattr(ALICE, f, "user.x", bytes("1"), XATTR_CREATE);
        assertStatus(Status.EEXIST, () -> ns.setxattr(ALICE, f, "user.x", bytes("2"), XATTR_CREATE));
        ns.setxattr(ALICE, f, "user.x", bytes("3"), XATTR_REPLACE);
        assertThat(ns.getxattr(ALICE, f, "user.x")).isEqualTo(bytes("3"));
        ns.setxattr(ALICE, f, "user.x", bytes("4"), 0);
        assertThat(ns.getxattr(ALICE, f, "user.x")).isEqualTo(bytes("4"));
        assertStatus(Status.EINVAL, () -> ns.setxattr(ALICE, f, "user.x", bytes("5"), XATTR_CREATE | XATTR_REPLACE));
        assertStatus(Status.EINVAL, () -> ns.setxattr(ALICE, f, "user.x", bytes("5"), 4));
        assertThat(ns.getxattr(ALICE, f, "user.x")).isEqualTo(bytes("4"));
    }

    @Test
    void nameAndValueLimits() throws Exception {
        assertStatus(Status.ERANGE, () -> ns.setxattr(ALICE, f, "", bytes("v"), 0));
        assertStatus(Status.ERANGE, () -> ns.setxattr(ALICE, f, "n".repeat(256), bytes("v"), 0));
        assertStatus(Status.ERANGE, () -> ns.getxattr(ALICE, f, "n".repeat(256)));
        assertStatus(Status.ERANGE, () -> ns.setxattr(ALICE, f, "user.big", new byte[65537], 0));
        ns.setxattr(ALICE, f, "n".repeat(255), new byte[65536], 0);
        ns.setxattr(ALICE, f, "user.empty", new byte[0], 0);
        assertThat(ns.getxattr(ALICE, f, "n".repeat(255))).hasSize(65536);
        assertThat(ns.getxattr(ALICE, f, "user.empty")).isEmpty();
    }

    @Test
    void readNeedsReadAndWriteNeedsWritePermission() throws Exception {
        ns.setxattr(ALICE, f, "user.x", bytes("1"), 0);
        assertStatus(Status.EACCES, () -> ns.getxattr(BOB, f, "user.x"));
        assertThat(ns.getxattr(CAROL, f, "user.x")).isEqualTo(bytes("1"));
        assertStatus(Status.EACCES, () -> ns.setxattr(CAROL, f, "user.y", bytes("1"), 0));
        assertStatus(Status.EACCES, () -> ns.removexattr(CAROL, f, "user.x"));
        assertThat(ns.listxattr(BOB, f)).containsExactly("user.x");
        ns.setxattr(SU, f, "user.root", bytes("r"), 0);
    }

    @Test
    void onlyRootChangesTrustedAttributesEvenOnItsOwnFile() throws Exception {
        // trusted.* marks scratch directories whose calls the master answers before they are durable
        assertStatus(Status.EPERM, () -> ns.setxattr(ALICE, f, "trusted.mfsj.scratch", bytes("1"), 0));
        assertThat(ns.listxattr(SU, f)).isEmpty();
        ns.setxattr(SU, f, "trusted.mfsj.scratch", bytes("1"), 0);
        assertStatus(Status.EPERM, () -> ns.removexattr(ALICE, f, "trusted.mfsj.scratch"));
        assertThat(ns.getxattr(SU, f, "trusted.mfsj.scratch")).isEqualTo(bytes("1"));
        ns.removexattr(SU, f, "trusted.mfsj.scratch");
        assertStatus(Status.ENODATA, () -> ns.getxattr(SU, f, "trusted.mfsj.scratch"));
    }

    @Test
    void missingThings() throws Exception {
        assertStatus(Status.ENODATA, () -> ns.removexattr(ALICE, f, "user.nope"));
        assertStatus(Status.ENODATA, () -> ns.getxattr(ALICE, f, "user.nope"));
        assertThat(ns.listxattr(ALICE, f)).isEmpty();
        assertStatus(Status.ENOENT, () -> ns.getxattr(SU, 999, "user.x"));
        assertStatus(Status.ENOENT, () -> ns.setxattr(SU, 999, "user.x", bytes("1"), 0));
        assertStatus(Status.ENOENT, () -> ns.listxattr(SU, 999));
    }

    @Test
    void directoriesCarryXattrsToo() throws Exception {
        ns.setxattr(SU, ROOT, "user.s3.bucket", bytes("yes"), 0);
        assertThat(ns.getxattr(SU, ROOT, "user.s3.bucket")).isEqualTo(bytes("yes"));
    }
}
