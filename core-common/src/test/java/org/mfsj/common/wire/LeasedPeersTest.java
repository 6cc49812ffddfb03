package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.StatusReply;

class LeasedPeersTest {
    /** Closing a connection completes on its event loop: wait for what follows from it. */
    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void aConnectionGivenBackServesTheNextLesseeAndOneThatClosesLeavesThePool() throws Exception {
        EventLoopGroup group = Transport.newGroup(1);
        AtomicInteger accepted = new AtomicInteger();
        List<Peer> serverSide = new CopyOnWriteArrayList<>();
        WireServer server = WireServer.bind(group, "127.0.0.1", 0, ClientMasterProtocol.FAMILY,
                ClientMasterProtocol.FAMILY, () -> new Peer.Inbound() {
                    @Override
                    public void onMessage(Peer peer, Message m) {
                        peer.send(new StatusReply(m.msgId(), Status.OK));
                    }

                    @Override
                    public void onOpen(Peer peer) {
                        accepted.incrementAndGet();
                        serverSide.add(peer);
                    }
                });
        ServerAddress at = new ServerAddress("127.0.0.1", server.port());
        AtomicInteger heardClose = new AtomicInteger();
        Peer.Inbound owner = new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message message) {
            }

            @Override
            public void onClose(Peer peer) {
                heardClose.incrementAndGet();
            }
        };
        try (LeasedPeers peers = new LeasedPeers(group, ClientMasterProtocol.FAMILY, 3000, 1)) {
            Peer first = peers.lease(at, owner).get(5, TimeUnit.SECONDS);
            assertThat(first.call(Ping::new, StatusReply.class, 3000).get(5, TimeUnit.SECONDS).status())
                    .isEqualTo(Status.OK);
            peers.release(at, first);
            assertThat(peers.idle()).isEqualTo(1);
            Peer second = peers.lease(at, owner).get(5, TimeUnit.SECONDS);
            assertThat(second).as("the idle one, no new connection").isSameAs(first);
            assertThat(accepted.get()).isEqualTo(1);

            Peer third = peers.lease(at, owner).get(5, TimeUnit.SECONDS);
            assertThat(third).isNotSameAs(first);
            peers.release(at, second);
            peers.release(at, third);
            assertThat(peers.idle()).as("one idle per server at most").isEqualTo(1);
            awaitTrue("the one not kept is closed", () -> !third.isActive());

            serverSide.get(0).close();
            awaitTrue("a closed connection leaves the pool", () -> peers.idle() == 0);
            assertThat(heardClose.get()).as("nobody holds an idle connection, so nobody hears it close")
                    .isZero();
            Peer fresh = peers.lease(at, owner).get(5, TimeUnit.SECONDS);
            assertThat(fresh.isActive()).isTrue();
            fresh.close();
            awaitTrue("the lessee hears its connection close", () -> heardClose.get() == 1);
        } finally {
            server.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
