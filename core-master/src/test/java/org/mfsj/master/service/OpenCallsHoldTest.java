package org.mfsj.master.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.session.Session;
import org.mfsj.master.session.SessionRegistry;

/** The session side of files held open past their last name: who holds, and what expiry releases. */
class OpenCallsHoldTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 5000);

    private final Namespace ns = new Namespace(Clock.fixed(T0, ZoneOffset.UTC));
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofHours(1));
    private final OpenCalls calls = new OpenCalls(ns, sessions, Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);

    @Test
    void theSessionsWithAFileOpenHoldItAndTheirExpiryFreesIt() throws MfsException {
        long inode = ns.mknod(Creds.ROOT, Namespace.ROOT, "f", FileType.FILE, 0644, 0).inode();
        Session reader = sessions.open(0, "reader", Namespace.ROOT, FROM, T0);
        Session other = sessions.open(0, "other", Namespace.ROOT, FROM, T0);
        reader.opened(inode);
        reader.opened(inode);
        ns.unlink(Creds.ROOT, Namespace.ROOT, "f");
        assertThat(ns.getattr(inode).nlink()).isZero();
        assertThat(ns.heldBy(reader.id())).containsExactly(inode);
        assertThat(ns.heldBy(other.id())).isEmpty();

        // a new leader's registry knows no sessions: it keeps the holder so it can resume or expire
        SessionRegistry next = new SessionRegistry(Duration.ofHours(1));
        new OpenCalls(ns, next, Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO).keepHolders(T0);
        assertThat(next.get(reader.id())).isNotNull();
        assertThat(next.get(other.id())).isNull();
        assertThat(next.open(0, "new client", Namespace.ROOT, FROM, T0).id()).isGreaterThan(reader.id());

        calls.sessionDropped(other);
        assertThat(ns.isHeld(inode)).isTrue();
        calls.sessionDropped(reader);
        assertThatThrownBy(() -> ns.getattr(inode)).isInstanceOf(MfsException.class);
        assertThat(ns.holdingSessions()).isEmpty();
    }

    @Test
    void aFileNobodyHasOpenGoesWithItsName() throws MfsException {
        long inode = ns.mknod(Creds.ROOT, Namespace.ROOT, "f", FileType.FILE, 0644, 0).inode();
        Session s = sessions.open(0, "client", Namespace.ROOT, FROM, T0);
        s.opened(inode);
        s.released(inode);
        ns.unlink(Creds.ROOT, Namespace.ROOT, "f");
        assertThatThrownBy(() -> ns.getattr(inode)).isInstanceOf(MfsException.class);
    }
}
