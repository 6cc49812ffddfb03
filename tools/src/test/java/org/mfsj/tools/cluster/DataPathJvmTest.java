package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataPathJvmTest {
    @Test
    void aMountRunsTheClientTierCompilingEarlyUnlessTheCallerChose() {
        assertThat(DataPathJvm.options(List.of("-Xmx1g"))).containsExactly("-Xmx1g", "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=0.1");
        assertThat(DataPathJvm.options(List.of("-XX:TieredStopAtLevel=4")))
                .containsExactly("-XX:TieredStopAtLevel=4", "-XX:CompileThresholdScaling=0.1");
        assertThat(DataPathJvm.options(List.of("-XX:-TieredCompilation", "-XX:CompileThresholdScaling=1")))
                .containsExactly("-XX:-TieredCompilation", "-XX:CompileThresholdScaling=1");
    }
}
