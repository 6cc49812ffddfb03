package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.namespace.op.Access.R;
import static org.mfsj.master.namespace.op.Access.W;
import static org.mfsj.master.namespace.op.Access.X;

import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.op.Access;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;

/** The permission rule itself, on bare nodes. */
class AccessTest {
    private static final Creds OWNER = new Creds(10, 20, new int[0]);
    private static final Creds MEMBER = new Creds(11, 99, new int[] {20});
    private static final Creds OTHER = new Creds(12, 99, new int[0]);

    private static FileNode file(int mode) {
        return new FileNode(5, mode, 10, 20, 1, 0);
    }

    @Test
    void exactlyOneTripletApplies() {
        FileNode f = file(0074);
        assertThat(Access.allows(OWNER, f, R)).isFalse();
        assertThat(Access.allows(MEMBER, f, R | W | X)).isTrue();
        assertThat(Access.allows(OTHER, f, R)).isTrue();
        assertThat(Access.allows(OTHER, f, W)).isFalse();
    }

    @Test
    void supplementaryGroupsCount() {
        assertThat(Access.allows(MEMBER, file(0060), R | W)).isTrue();
        assertThat(Access.allows(OTHER, file(0060), R)).isFalse();
    }

    @Test
    void allBitsAskedForAreNeeded() {
        assertThat(Access.allows(OWNER, file(0600), R | W)).isTrue();
        assertThat(Access.allows(OWNER, file(0400), R | W)).isFalse();
    }

    @Test
    void rootPassesAllButExecuteOfANonExecutableFile() {
        assertThat(Access.allows(Creds.ROOT, file(0000), R | W)).isTrue();
        assertThat(Access.allows(Creds.ROOT, file(0000), X)).isFalse();
        assertThat(Access.allows(Creds.ROOT, file(0001), X)).isTrue();
        assertThat(Access.allows(Creds.ROOT, new DirNode(6, 1, 0000, 10, 20, 1, 0), X)).isTrue();
    }
}
