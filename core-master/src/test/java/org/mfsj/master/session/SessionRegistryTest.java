package org.mfsj.master.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 5000);

    private final SessionRegistry sessions = new SessionRegistry(Duration.ofHours(1));

    @Test
    void idZeroOpensANewSessionAndAKnownIdResumesIt() {
        Session a = sessions.open(0, "mount a", 1, FROM, T0);
        Session b = sessions.open(0, "mount b", 1, FROM, T0);
        assertThat(a.id()).isNotEqualTo(b.id());
        sessions.disconnected(a, T0);
        assertThat(sessions.open(a.id(), "mount a again", 1, FROM, T0.plusSeconds(5))).isSameAs(a);
        assertThat(a.clientInfo()).isEqualTo("mount a again");
        assertThat(sessions.size()).isEqualTo(2);
    }

    @Test
    void anUnknownIdIsRecreatedAndNewIdsMovePastIt() {
        Session s = sessions.open(42, "after a master restart", 7, FROM, T0);
        assertThat(s.id()).isEqualTo(42);
        assertThat(s.rootInode()).isEqualTo(7);
        assertThat(sessions.open(0, "new", 1, FROM, T0).id()).isGreaterThan(42);
    }

    @Test
    void onlySessionsIdleAndUnconnectedPastTheSustainTimeAreDropped() {
        Session gone = sessions.open(0, "gone", 1, FROM, T0);
        Session connected = sessions.open(0, "still here", 1, FROM, T0);
        sessions.disconnected(gone, T0);

        assertThat(sessions.purge(T0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(sessions.purge(T0.plus(Duration.ofHours(2)))).containsExactly(gone);
        assertThat(sessions.get(connected.id())).isSameAs(connected);
        assertThat(sessions.size()).isEqualTo(1);
    }
}
