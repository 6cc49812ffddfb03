package org.mfsj.master.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Peer;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.tree.DirNode;

/**
 * A lease asked on a connection that closed before the ask was served (a request held while the
 * leader's read lease lapsed runs after its connection's close was handled): nothing is granted,
 * so nothing keeps that connection, and no later change recalls from it.
 */
class DirLeasesClosedPeerTest {
    private final Namespace ns = new Namespace(Clock.systemUTC());
    private final DirLeases leases = new DirLeases(Runnable::run);

    @Test
    void aConnectionThatClosedBeforeItsAskWasServedIsGrantedNothing() throws Exception {
        DirNode dir = ns.tree().requireDir(ns.mkdir(Creds.ROOT, Namespace.ROOT, "d", 0755).inode());
        Peer gone = new Peer((p, m) -> { });
        EmbeddedChannel channel = new EmbeddedChannel(gone);
        channel.close();
        leases.closed(gone);

        leases.grant(gone, dir);
        assertThat(leases.holds(gone, dir.id())).as("no lease kept for a closed connection").isFalse();
        ns.mkdir(Creds.ROOT, dir.id(), "x", 0755);
        assertThat(leases.recalls()).as("no recall for a lease never kept").isZero();
    }
}
