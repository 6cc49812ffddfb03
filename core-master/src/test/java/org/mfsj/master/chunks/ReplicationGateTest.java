package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicationGateTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void nothingHappensBeforeTheStartDelay() {
        ReplicationGate gate = new ReplicationGate(T0, Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertThat(gate.jobsAllowed(T0.plusSeconds(59))).isFalse();
        assertThat(gate.replicationAllowed(T0.plusSeconds(59))).isFalse();
        assertThat(gate.jobsAllowed(T0.plusSeconds(60))).isTrue();
        assertThat(gate.replicationAllowed(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void aDisconnectionHoldsReplicationButNotOtherJobs() {
        ReplicationGate gate = new ReplicationGate(T0, Duration.ZERO, Duration.ofSeconds(30));
        gate.noteDisconnect(T0.plusSeconds(100));
        assertThat(gate.jobsAllowed(T0.plusSeconds(101))).isTrue();
        assertThat(gate.replicationAllowed(T0.plusSeconds(129))).isFalse();
        assertThat(gate.replicationAllowed(T0.plusSeconds(130))).isTrue();
    }
}
