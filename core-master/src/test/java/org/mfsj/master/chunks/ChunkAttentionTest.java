package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.chunks.TestServers.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.master.chunks.Order.Delete;
import org.mfsj.master.chunks.Order.Reason;
import org.mfsj.master.chunks.Order.Replicate;

/**
 * The chunk loop walks only the chunks that need something; these prove, among many settled
 * chunks, that a chunk whose state changes is still found and handled.
 */
class ChunkAttentionTest {
    private static final int MANY = 20_000;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final ChunkRegistry registry = new ChunkRegistry();
    private final ReplicationTracker inflight = new ReplicationTracker();
    private final ReplicationPlanner planner = new ReplicationPlanner(new ReplicationPlanner.Limits(10, 10));
    private final WriteLocks locks = new WriteLocks(Duration.ofSeconds(30), Duration.ofSeconds(3));
    private final StorageServer a = server(1);
    private final StorageServer b = server(2);
    private final StorageServer c = server(3);
    private final List<StorageServer> servers = List.of(a, b, c);

    @BeforeEach
    void manyChunksAtGoalTwoOnAAndB() {
        for (int i = 0; i < MANY; i++) {
            Chunk ch = registry.create(2);
            registry.addCopy(a, ch.id(), ch.version());
            registry.addCopy(b, ch.id(), ch.version());
        }
    }

    private List<Order> plan() {
        return planner.plan(registry, servers, inflight, locks::isLocked, true);
    }

    private Chunk someChunk() {
        return registry.get(MANY / 2);
    }

    @Test
    void settledChunksAreNotWalked() {
        assertThat(registry.needingAttention()).isEmpty();
        assertThat(plan()).isEmpty();
    }

    @Test
    void aChunkThatLosesACopyIsReplicated() {
        Chunk lost = someChunk();
        registry.removeCopy(b, lost.id());
        assertThat(plan()).containsExactly(new Replicate(lost.id(), lost.version(), a, c));
    }

    @Test
    void aChunkWhoseServerLeftIsReplicatedOnceAnotherCanTakeIt() {
        StorageServer full = server(4, 100, 100);
        registry.removeServer(b);
        assertThat(planner.plan(registry, List.of(a, full), inflight, locks::isLocked, true)).isEmpty();
        // nothing changed in the chunks, only the servers: they must not have been dropped
        assertThat(registry.needingAttention()).hasSize(MANY);
        assertThat(planner.plan(registry, List.of(a, c), inflight, locks::isLocked, true))
                .hasSize(10).allSatisfy(o -> assertThat(((Replicate) o).target()).isEqualTo(c));
    }

    @Test
    void aFailedReplicationIsOrderedAgain() {
        Chunk lost = someChunk();
        registry.removeCopy(b, lost.id());
        ReplicationTracker.Job job = new ReplicationTracker.Job(lost.id(), lost.version(), a, c);
        inflight.start(job);
        assertThat(plan()).isEmpty();
        inflight.finish(job);
        assertThat(plan()).containsExactly(new Replicate(lost.id(), lost.version(), a, c));
    }

    @Test
    void aLockedChunkIsReplicatedOnceItsLockTimesOut() {
        Chunk lost = someChunk();
        for (long id = 1; id <= MANY; id += 2) {
            locks.tryLock(id, T0);
        }
        locks.tryLock(lost.id(), T0);
        registry.removeCopy(b, lost.id());
        assertThat(plan()).isEmpty();
        assertThat(locks.expire(T0.plusSeconds(29))).isEmpty();
        assertThat(locks.expire(T0.plusSeconds(30))).contains(lost.id()).hasSize(MANY / 2 + 1);
        assertThat(locks.size()).isZero();
        assertThat(plan()).containsExactly(new Replicate(lost.id(), lost.version(), a, c));
    }

    @Test
    void aDeletedChunkHasItsCopiesRemovedAndIsForgotten() {
        Chunk gone = someChunk();
        registry.unreferenced(gone.id());
        assertThat(plan()).containsExactlyInAnyOrder(new Delete(gone.id(), 0, a, Reason.UNREFERENCED),
                new Delete(gone.id(), 0, b, Reason.UNREFERENCED));
        registry.removeCopy(a, gone.id());
        registry.removeCopy(b, gone.id());
        assertThat(registry.get(gone.id())).isNull();
        assertThat(registry.needingAttention()).isEmpty();
        assertThat(plan()).isEmpty();
    }

    @Test
    void aLoweredGoalDeletesTheExtraCopy() {
        Chunk ch = someChunk();
        registry.setGoal(ch.id(), 1);
        assertThat(plan()).singleElement().isInstanceOfSatisfying(Delete.class,
                d -> assertThat(d.reason()).isEqualTo(Reason.OVERGOAL));
    }

    @Test
    void aCopyLeftBehindByAVersionChangeIsDeletedAndTheChunkReplicated() {
        Chunk ch = someChunk();
        int old = ch.version();
        registry.changeVersion(ch, ch.nextVersion(), Set.of(a));
        assertThat(plan()).containsExactlyInAnyOrder(new Delete(ch.id(), old, b, Reason.STALE),
                new Replicate(ch.id(), ch.version(), a, c));
    }

    @Test
    void anOrphanReportedByAServerIsDeleted() {
        long orphan = registry.nextId() + 5;
        registry.addCopy(c, orphan, 1);
        assertThat(plan()).containsExactly(new Delete(orphan, 0, c, Reason.UNREFERENCED));
    }

    @Test
    void aChunkBackAtItsGoalLeavesTheWalk() {
        Chunk ch = someChunk();
        registry.removeCopy(b, ch.id());
        assertThat(registry.needingAttention()).containsExactly(ch);
        registry.addCopy(c, ch.id(), ch.version());
        assertThat(registry.needingAttention()).isEmpty();
    }
}
