package org.mfsj.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTableTest {
    @Test
    void octalEscapesOfProcMountsAreDecoded() {
        assertThat(MountTable.unescape("/tmp/a\\040b\\011c")).isEqualTo("/tmp/a b\tc");
        assertThat(MountTable.unescape("/plain")).isEqualTo("/plain");
        assertThat(MountTable.unescape("/odd\\9")).isEqualTo("/odd\\9");
    }
}
