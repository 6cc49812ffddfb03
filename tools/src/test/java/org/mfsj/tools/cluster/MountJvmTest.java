package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountJvmTest {
    @Test
    void aMountRunsTheClientTierUnlessTheCallerChoseTiers() {
        assertThat(MountJvm.options(List.of("-Xmx1g"))).containsExactly("-Xmx1g", "-XX:TieredStopAtLevel=1");
        assertThat(MountJvm.options(List.of("-XX:TieredStopAtLevel=4"))).containsExactly("-XX:TieredStopAtLevel=4");
        assertThat(MountJvm.options(List.of("-XX:-TieredCompilation"))).containsExactly("-XX:-TieredCompilation");
    }
}
