package org.mfsj.chunkserver.master;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pause between rounds of the master list: short while masters answer that they do not lead. */
class MasterLinkRoundTest {
    @Test
    void aRoundWithAFollowerInItIsFollowedSooner() {
        assertThat(MasterLink.roundPause(5000, true)).isEqualTo(MasterLink.FOLLOWERS_ROUND_MILLIS);
        assertThat(MasterLink.roundPause(5000, false)).as("every master gone or silent").isEqualTo(5000);
        assertThat(MasterLink.roundPause(200, true)).as("a configured delay shorter still").isEqualTo(200);
    }
}
