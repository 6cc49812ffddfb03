package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.chunks.TestServers.server;

import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.mfsj.master.chunks.Order.Delete;
import org.mfsj.master.chunks.Order.Reason;
import org.mfsj.master.chunks.Order.Replicate;

class ReplicationPlannerTest {
    private static final LongPredicate NONE_LOCKED = id -> false;

    private final ChunkRegistry registry = new ChunkRegistry();
    private final ReplicationTracker inflight = new ReplicationTracker();

    private Chunk chunk(int goal, StorageServer... holders) {
        Chunk c = registry.create(goal);
        for (StorageServer s : holders) {
            registry.addCopy(s, c.id(), c.version());
        }
        return c;
    }

    private List<Order> plan(int writeLimit, int readLimit, List<StorageServer> servers) {
        return new ReplicationPlanner(new ReplicationPlanner.Limits(writeLimit, readLimit))
                .plan(registry, servers, inflight, NONE_LOCKED, true);
    }

    @Test
    void replicatesTheMostEndangeredChunkFirst() {
        StorageServer a = server(1);
        StorageServer b = server(2, 100, 100); // full: cannot take a copy
        StorageServer c = server(3);
        chunk(3, a, b);                        // 2 valid of 3, lower id
        Chunk endangered = chunk(2, a);        // 1 valid of 2
        List<Order> orders = plan(1, 10, List.of(a, b, c));
        assertThat(orders).containsExactly(new Replicate(endangered.id(), 1, a, c));
    }

    @Test
    void replicatesOntoTheServerWithMostFreeSpaceWithoutACopy() {
        StorageServer a = server(1, 90, 100);
        StorageServer b = server(2, 50, 100);
        StorageServer c = server(3, 10, 100);
        StorageServer d = server(4, 30, 100);
        Chunk ch = chunk(3, c);
        assertThat(plan(5, 5, List.of(a, b, c, d)))
                .containsExactly(new Replicate(ch.id(), 1, c, d), new Replicate(ch.id(), 1, c, b));
    }

    @Test
    void overgoalCopiesAreDeletedFromTheFullestServers() {
        StorageServer a = server(1, 10, 100);
        StorageServer b = server(2, 90, 100);
        StorageServer c = server(3, 50, 100);
        Chunk ch = chunk(1, a, b, c);
        assertThat(plan(2, 2, List.of(a, b, c))).containsExactly(
                new Delete(ch.id(), 1, b, Reason.OVERGOAL),
                new Delete(ch.id(), 1, c, Reason.OVERGOAL));
    }

    @Test
    void staleCopiesAreDeletedOnlyWhileAValidCopyExists() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk withValid = chunk(2, a, b);
        registry.changeVersion(withValid, 2, Set.of(a));
        Chunk onlyStale = chunk(2, a, b);
        registry.changeVersion(onlyStale, 2, Set.of());

        List<Order> orders = new ReplicationPlanner(new ReplicationPlanner.Limits(2, 2))
                .plan(registry, List.of(a, b), inflight, NONE_LOCKED, false);

        assertThat(orders).containsExactly(new Delete(withValid.id(), 1, b, Reason.STALE));
    }

    @Test
    void everyCopyOfAnUnreferencedChunkAndOfAnOrphanIsDeleted() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk gone = chunk(2, a, b);
        registry.unreferenced(gone.id());
        registry.addCopy(b, 0x999, 7); // a copy of a chunk the master never heard of

        assertThat(plan(2, 2, List.of(a, b))).containsExactlyInAnyOrder(
                new Delete(gone.id(), 0, a, Reason.UNREFERENCED),
                new Delete(gone.id(), 0, b, Reason.UNREFERENCED),
                new Delete(0x999, 0, b, Reason.UNREFERENCED));
        assertThat(registry.create(1).id()).isGreaterThan(0x999);
    }

    @Test
    void aServerIsNotTheSourceOfMoreReplicationsThanItsReadLimit() {
        StorageServer a = server(1);
        List<StorageServer> targets = List.of(server(2), server(3), server(4), server(5));
        for (int i = 0; i < 5; i++) {
            chunk(2, a);
        }
        List<StorageServer> all = new java.util.ArrayList<>(targets);
        all.add(a);
        assertThat(plan(10, 2, all)).hasSize(2);
    }

    @Test
    void aServerDoesNotReceiveMoreReplicationsThanItsWriteLimitCountingThoseInFlight() {
        StorageServer target = server(9);
        List<StorageServer> all = new java.util.ArrayList<>(List.of(target));
        for (int i = 1; i <= 4; i++) {
            StorageServer holder = server(i, 100, 100); // full: only the target can receive
            all.add(holder);
            chunk(2, holder);
        }
        Chunk busy = registry.all().iterator().next();
        inflight.start(new ReplicationTracker.Job(busy.id(), 1, busy.replicas().get(0).server(), target));

        List<Order> orders = plan(2, 10, all);

        assertThat(orders).hasSize(1).allSatisfy(o -> assertThat(((Replicate) o).target()).isSameAs(target));
        assertThat(orders.get(0).chunkId()).isNotEqualTo(busy.id());
    }

    @Test
    void lockedChunksAreLeftAlone() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        StorageServer c = server(3);
        Chunk under = chunk(3, a);
        Chunk over = chunk(1, a, b, c);
        LongPredicate locked = id -> id == under.id() || id == over.id();

        List<Order> orders = new ReplicationPlanner(new ReplicationPlanner.Limits(2, 2))
                .plan(registry, List.of(a, b, c), inflight, locked, true);

        assertThat(orders).isEmpty();
    }

    @Test
    void noReplicationWhileSwitchedOffButDeletionsGoOn() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        chunk(2, a);
        Chunk over = chunk(1, a, b);
        List<Order> orders = new ReplicationPlanner(new ReplicationPlanner.Limits(2, 2))
                .plan(registry, List.of(a, b), inflight, NONE_LOCKED, false);
        assertThat(orders).containsExactly(new Delete(over.id(), 1, a, Reason.OVERGOAL));
    }

    @Test
    void serversThatAreDisconnectedOrStillReportingReceiveNoCopies() {
        StorageServer a = server(1);
        StorageServer gone = server(2);
        gone.markDisconnected();
        StorageServer reporting = new StorageServer(3, a.dataAddress(), a.disks());
        chunk(2, a);
        assertThat(plan(2, 2, List.of(a, gone, reporting))).isEmpty();
    }

    @Test
    void aCopyAlreadyOnItsWayIsNotOrderedAgain() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        StorageServer c = server(3);
        Chunk ch = chunk(2, a);
        inflight.start(new ReplicationTracker.Job(ch.id(), 1, a, b));
        assertThat(plan(5, 5, List.of(a, b, c))).isEmpty();
    }

    @Test
    void aServerWithAStaleCopyIsNotATargetUntilThatCopyIsGone() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk ch = chunk(2, a, b);
        registry.changeVersion(ch, 2, Set.of(a));
        assertThat(plan(5, 5, List.of(a, b))).containsExactly(new Delete(ch.id(), 1, b, Reason.STALE));
    }

    @Test
    void deletionsPerServerAreCappedPerPass() {
        StorageServer a = server(1);
        for (int i = 0; i < 5; i++) {
            registry.addCopy(a, 0x1000 + i, 1);
        }
        List<Order> orders = new ReplicationPlanner(new ReplicationPlanner.Limits(2, 2, 3))
                .plan(registry, List.of(a), inflight, NONE_LOCKED, true);
        assertThat(orders).hasSize(3);
    }
}
