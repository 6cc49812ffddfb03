package org.mfsj.master.cs;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2master.CsChunkDamaged;
import org.mfsj.common.wire.chunk2master.CsChunksAdded;
import org.mfsj.common.wire.chunk2master.CsChunksLost;
import org.mfsj.common.wire.chunk2master.CsHeartbeat;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.chunk2master.CsRegistrationDone;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.ReplicationGate;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.StorageServer;

class ChunkServerManagerTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final ServerAddress DATA = new ServerAddress("10.0.0.1", 9422);
    private static final List<DiskReport> DISKS = List.of(new DiskReport("/d", 1, 100, 0, false, false));

    private final ServerTable servers = new ServerTable();
    private final ChunkRegistry registry = new ChunkRegistry();
    private final ChunkServerLinks links = new ChunkServerLinks();
    private final ReplicationGate gate = new ReplicationGate(T0, Duration.ZERO, Duration.ofSeconds(60));
    private final ChunkServerManager manager = new ChunkServerManager(servers, registry, links, gate,
            Clock.fixed(T0, ZoneOffset.UTC));

    private static Peer connection() {
        Peer p = new Peer((from, m) -> { });
        new EmbeddedChannel(p);
        return p;
    }

    private StorageServer register(Peer p, long id, ChunkCopy... copies) {
        manager.onMessage(p, new CsRegister(1, id, DATA, DISKS));
        manager.onMessage(p, new CsChunksAdded(0, List.of(copies)));
        manager.onMessage(p, new CsRegistrationDone(0));
        return servers.get(id);
    }

    @Test
    void registrationIsAcceptedAndTheReportedCopiesCount() {
        Peer p = connection();
        Chunk c = registry.create(1);
        StorageServer s = register(p, 5, new ChunkCopy(c.id(), 1));
        assertThat((Object) ((EmbeddedChannel) p.channel()).readOutbound()).isEqualTo(new CsRegisterReply(1, Status.OK));
        assertThat(s.usable()).isTrue();
        assertThat(c.validCount()).isEqualTo(1);
        assertThat(links.serverOf(p)).isSameAs(s);
    }

    @Test
    void theSameIdRegisteringAgainReplacesAndClosesTheOldConnection() {
        Peer old = connection();
        Chunk c = registry.create(1);
        StorageServer first = register(old, 5, new ChunkCopy(c.id(), 1));
        Peer fresh = connection();
        StorageServer second = register(fresh, 5);

        assertThat(old.isActive()).isFalse();
        assertThat(first.connected()).isFalse();
        assertThat(second).isNotSameAs(first);
        assertThat(c.replicas()).isEmpty();
        // the old connection's close arrives late and must not touch the new registration
        manager.onClose(old);
        assertThat(second.connected()).isTrue();
    }

    @Test
    void aDisconnectionDropsTheServersCopiesAndHoldsReplication() {
        Peer p = connection();
        Chunk c = registry.create(1);
        StorageServer s = register(p, 5, new ChunkCopy(c.id(), 1));
        manager.onClose(p);
        assertThat(s.connected()).isFalse();
        assertThat(c.replicas()).isEmpty();
        assertThat(gate.replicationAllowed(T0.plusSeconds(59))).isFalse();
        assertThat(servers.all()).containsExactly(s);
    }

    @Test
    void damagedAndLostCopiesAreRemovedAndHeartbeatsUpdateSpace() {
        Peer p = connection();
        Chunk a = registry.create(1);
        Chunk b = registry.create(1);
        StorageServer s = register(p, 5, new ChunkCopy(a.id(), 1), new ChunkCopy(b.id(), 1));
        manager.onMessage(p, new CsChunkDamaged(0, a.id(), 1));
        manager.onMessage(p, new CsChunksLost(0, List.of(b.id())));
        manager.onMessage(p, new CsHeartbeat(0, List.of(new DiskReport("/d", 40, 100, 0, false, false))));
        assertThat(a.replicas()).isEmpty();
        assertThat(b.replicas()).isEmpty();
        assertThat(s.usedBytes()).isEqualTo(40);
    }

    @Test
    void aServerThatReportsBeforeRegisteringIsDisconnected() {
        Peer p = connection();
        manager.onMessage(p, new CsChunksAdded(0, List.of(new ChunkCopy(1, 1))));
        assertThat(p.isActive()).isFalse();
        assertThat(registry.size()).isZero();
    }

    @Test
    void aWildcardDataAddressIsReplacedByThePeersAddress() {
        InetSocketAddress from = new InetSocketAddress("192.168.1.7", 40000);
        assertThat(ChunkServerManager.advertised(new ServerAddress("0.0.0.0", 9422), from))
                .isEqualTo(new ServerAddress("192.168.1.7", 9422));
        assertThat(ChunkServerManager.advertised(DATA, from)).isEqualTo(DATA);
    }
}
