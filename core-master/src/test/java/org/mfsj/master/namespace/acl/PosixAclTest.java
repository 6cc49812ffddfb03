package org.mfsj.master.namespace.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;

class PosixAclTest {
    private static final int OWNER = 1000;
    private static final int GROUP = 100;

    private static Creds user(int uid, int... groups) {
        return new Creds(uid, 9999, groups);
    }

    @Test
    void namedUsersAndGroupsAreLimitedByTheMask() throws Exception {
        PosixAcl acl = PosixAcl.parse(AclBytes.of("u::rw-,u:1001:rwx,g::r--,g:300:rw-,m::r-x,o::---"));
        assertThat(acl.allows(user(OWNER), OWNER, GROUP, 6)).isTrue();
        assertThat(acl.allows(user(1001), OWNER, GROUP, 4 | 1)).isTrue();
        assertThat(acl.allows(user(1001), OWNER, GROUP, 2)).as("w masked out").isFalse();
        assertThat(acl.allows(user(2000, 300), OWNER, GROUP, 4)).isTrue();
        assertThat(acl.allows(user(2000, 300), OWNER, GROUP, 2)).isFalse();
        assertThat(acl.allows(user(2000, GROUP), OWNER, GROUP, 4)).isTrue();
        assertThat(acl.allows(user(2000), OWNER, GROUP, 4)).as("other has nothing").isFalse();
        assertThat(acl.modeBits()).isEqualTo(0650);
    }

    @Test
    void aMatchingGroupWithoutTheRightDeniesEvenIfOtherWouldAllow() throws Exception {
        PosixAcl acl = PosixAcl.parse(AclBytes.of("u::rw-,g::---,o::r--"));
        assertThat(acl.allows(user(2000, GROUP), OWNER, GROUP, 4)).isFalse();
        assertThat(acl.allows(user(2000), OWNER, GROUP, 4)).isTrue();
        assertThat(acl.isMinimal()).isTrue();
    }

    @Test
    void chmodMovesOwnerMaskAndOtherAndInheritanceLimitsByMode() throws Exception {
        PosixAcl acl = PosixAcl.parse(AclBytes.of("u::rwx,u:1001:rwx,g::r-x,m::rwx,o::r-x"));
        PosixAcl chmodded = acl.withMode(0640);
        assertThat(chmodded.modeBits()).isEqualTo(0640);
        assertThat(chmodded.allows(user(1001), OWNER, GROUP, 4)).isTrue();
        assertThat(chmodded.allows(user(1001), OWNER, GROUP, 2)).as("mask is now r--").isFalse();
        PosixAcl inherited = acl.inheritedBy(0666);
        assertThat(inherited.modeBits()).isEqualTo(0664);
        assertThat(PosixAcl.parse(inherited.encode()).modeBits()).isEqualTo(0664);
    }

    @Test
    void malformedAclsAreRefused() {
        for (String bad : new String[] {"u::rw-,o::---", "u::rw-,g::r--,o::---,u:5:r--", "u::rw-,u::r--,g::r--,o::---",
            "u::rw-,u:5:r--,u:5:rw-,g::r--,m::rw-,o::---"}) {
            assertThatThrownBy(() -> PosixAcl.parse(AclBytes.of(bad))).as(bad)
                    .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EINVAL));
        }
        assertThatThrownBy(() -> PosixAcl.parse(new byte[] {2, 0, 0, 0, 1})).isInstanceOf(MfsException.class);
        assertThatThrownBy(() -> PosixAcl.parse(new byte[] {3, 0, 0, 0})).isInstanceOf(MfsException.class);
    }
}
