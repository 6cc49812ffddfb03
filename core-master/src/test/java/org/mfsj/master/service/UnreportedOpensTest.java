package org.mfsj.master.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.client2master.ReportOpens.OpenCount;
import org.mfsj.master.fake.TestClock;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.session.Session;
import org.mfsj.master.session.SessionRegistry;

/**
 * A new leader has seen none of the opens made under the old one: files losing their last name
 * before the clients reported are kept until the window ends, then only for the sessions that
 * reported them.
 */
class UnreportedOpensTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 5000);
    private static final Duration WINDOW = Duration.ofSeconds(15);

    private final TestClock clock = new TestClock(T0);
    private final Namespace ns = new Namespace(clock);
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofHours(1));
    private final OpenCalls calls = new OpenCalls(ns, sessions, clock, WINDOW);

    private long file(String name) throws MfsException {
        return ns.mknod(Creds.ROOT, Namespace.ROOT, name, FileType.FILE, 0644, 0).inode();
    }

    @Test
    void aFileUnlinkedBeforeItsClientReportedStaysForThatClientOnly() throws MfsException {
        long reported = file("reported");
        long unreported = file("unreported");
        ns.unlink(Creds.ROOT, Namespace.ROOT, "reported");
        ns.unlink(Creds.ROOT, Namespace.ROOT, "unreported");
        assertThat(ns.heldBy(UnreportedOpens.ABSENT)).containsExactly(reported, unreported);

        Session back = sessions.open(7, "back", Namespace.ROOT, FROM, clock.instant());
        calls.reported(back, List.of(new OpenCount(reported, 2)));
        assertThat(ns.heldBy(back.id())).containsExactly(reported);

        clock.advance(WINDOW.minusSeconds(1));
        calls.sweep();
        assertThat(ns.isHeld(unreported)).as("held while clients may still report").isTrue();
        clock.advance(Duration.ofSeconds(1));
        calls.sweep();
        assertThatThrownBy(() -> ns.getattr(unreported)).isInstanceOf(MfsException.class);
        assertThat(ns.getattr(reported).nlink()).isZero();
        assertThat(ns.holdingSessions()).containsExactly(back.id());

        // the two reported opens are released as the client closes its handles
        ns.releaseOpen(reported, back.id(), 1);
        assertThat(ns.isHeld(reported)).isTrue();
        ns.releaseOpen(reported, back.id(), 1);
        assertThatThrownBy(() -> ns.getattr(reported)).isInstanceOf(MfsException.class);
    }

    @Test
    void aReportCountsOpensSoThatALaterUnlinkKeepsTheFile() throws MfsException {
        long inode = file("f");
        clock.advance(WINDOW);
        calls.sweep();
        Session back = sessions.open(3, "back", Namespace.ROOT, FROM, clock.instant());
        back.opened(inode);
        calls.reported(back, List.of(new OpenCount(inode, 1), new OpenCount(inode + 1000, 1)));
        assertThat(back.opens(inode)).as("an open counted already is not counted twice").isEqualTo(1);
        ns.unlink(Creds.ROOT, Namespace.ROOT, "f");
        assertThat(ns.heldBy(back.id())).containsExactly(inode);
        assertThat(ns.heldBy(UnreportedOpens.ABSENT)).as("the window is over").isEmpty();
    }

    @Test
    void theNextLeaderKeepsTheReportingSessionsButNoSessionForTheAbsent() throws MfsException {
        long inode = file("f");
        ns.unlink(Creds.ROOT, Namespace.ROOT, "f");
        SessionRegistry next = new SessionRegistry(Duration.ofHours(1));
        OpenCalls nextCalls = new OpenCalls(ns, next, clock, WINDOW);
        nextCalls.keepHolders(clock.instant());
        assertThat(next.get(UnreportedOpens.ABSENT)).isNull();

        // the next leader's own window releases what the first one's held for the absent
        clock.advance(WINDOW);
        nextCalls.sweep();
        assertThatThrownBy(() -> ns.getattr(inode)).isInstanceOf(MfsException.class);
    }
}
