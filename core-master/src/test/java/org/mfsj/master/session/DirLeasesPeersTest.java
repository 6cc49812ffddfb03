package org.mfsj.master.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.DirLeaseRecall;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.tree.DirNode;

/** Leases against holders that are gone or silent, on the lease table alone (the master thread is a queue here). */
class DirLeasesPeersTest {
    private final Namespace ns = new Namespace(Clock.systemUTC());
    private final BlockingQueue<Runnable> masterThread = new LinkedBlockingQueue<>();

    private DirNode dir() throws Exception {
        return ns.tree().requireDir(ns.mkdir(Creds.ROOT, Namespace.ROOT, "d", 0755).inode());
    }

    /**
     * A lease asked on a connection that closed before the ask was served (a request held while
     * the leader's read lease lapsed runs after its connection's close was handled): nothing is
     * granted, so nothing keeps that connection, and no later change recalls from it.
     */
    @Test
    void aConnectionThatClosedBeforeItsAskWasServedIsGrantedNothing() throws Exception {
        DirLeases leases = new DirLeases(masterThread::add);
        DirNode dir = dir();
        Peer gone = new Peer((p, m) -> { });
        EmbeddedChannel channel = new EmbeddedChannel(gone);
        channel.close();
        leases.closed(gone);

        leases.grant(gone, dir);
        assertThat(leases.holds(gone, dir.id())).as("no lease kept for a closed connection").isFalse();
        ns.mkdir(Creds.ROOT, dir.id(), "x", 0755);
        assertThat(leases.recalls()).as("no recall for a lease never kept").isZero();
    }

    /** A holder that hears the recall and never answers holds the change up for the wait limit only. */
    @Test
    void aSilentHolderHoldsAChangeUpUntilTheWaitLimitAndNoLonger() throws Exception {
        DirLeases leases = new DirLeases(masterThread::add, Duration.ofMillis(200), DirLeases.MAX_PER_PEER);
        DirNode dir = dir();
        Peer silent = new Peer((p, m) -> { });
        EmbeddedChannel holderChannel = new EmbeddedChannel(silent);
        Peer changer = new Peer((p, m) -> { });
        EmbeddedChannel changerChannel = new EmbeddedChannel(changer);
        leases.grant(silent, dir);

        leases.begin(changer);
        ns.mkdir(Creds.ROOT, dir.id(), "x", 0755);
        CompletionStage<Void> answered = leases.end();
        assertThat((Object) holderChannel.readOutbound()).isEqualTo(new DirLeaseRecall(0, dir.id()));
        assertThat(answered).as("the change waits for the give-back").isNotNull().isNotCompleted();
        assertThat(leases.holds(silent, dir.id())).as("the recalled lease is not renewed").isFalse();

        Runnable timeout = masterThread.poll(30, TimeUnit.SECONDS);
        assertThat(timeout).as("the wait limit's end reaches the master thread").isNotNull();
        timeout.run();
        assertThat(answered).as("answered once the wait limit passed").isCompleted();
        // a give-back that comes after that changes nothing
        leases.givenBack(silent, dir.id(), dir);
        assertThat(leases.recalls()).isEqualTo(1);
        holderChannel.finishAndReleaseAll();
        changerChannel.finishAndReleaseAll();
    }
}
