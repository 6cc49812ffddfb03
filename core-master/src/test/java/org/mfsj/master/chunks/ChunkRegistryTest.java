package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.chunks.TestServers.server;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkRegistryTest {
    private final ChunkRegistry registry = new ChunkRegistry();

    @Test
    void copiesOfAServerThatLeftStopCounting() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk c = registry.create(2);
        registry.addCopy(a, c.id(), 1);
        registry.addCopy(b, c.id(), 1);
        registry.removeServer(b);
        assertThat(c.replicas()).extracting(Replica::server).containsExactly(a);
        assertThat(b.chunkCount()).isZero();
        assertThat(a.chunkCount()).isEqualTo(1);
    }

    @Test
    void copiesLeftBehindByAVersionChangeAreStale() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk c = registry.create(2);
        registry.addCopy(a, c.id(), 1);
        registry.addCopy(b, c.id(), 1);
        registry.changeVersion(c, 2, Set.of(a));
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.validReplicas()).extracting(Replica::server).containsExactly(a);
    }

    @Test
    void anUnreferencedChunkIsForgottenWithItsLastCopy() {
        StorageServer a = server(1);
        Chunk c = registry.create(1);
        registry.addCopy(a, c.id(), 1);
        registry.unreferenced(c.id());
        assertThat(registry.get(c.id())).isNotNull();
        registry.removeCopy(a, c.id());
        assertThat(registry.get(c.id())).isNull();
    }

    @Test
    void statsCountChunksByValidCopiesAndAgainstTheirGoal() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        Chunk none = registry.create(1);
        Chunk two = registry.create(1);
        registry.addCopy(a, two.id(), 1);
        registry.addCopy(b, two.id(), 1);
        Chunk one = registry.create(2);
        registry.addCopy(a, one.id(), 1);
        registry.addCopy(b, 0x500, 1); // orphan: not counted

        ChunkStats stats = registry.stats();

        assertThat(stats.byValidCopies()).containsExactly(1L, 1L, 1L);
        assertThat(stats.chunks()).isEqualTo(3);
        assertThat(stats.undergoal()).isEqualTo(2); // none and one
        assertThat(stats.overgoal()).isEqualTo(1);  // two
        assertThat(List.of(none, two, one)).allSatisfy(c -> assertThat(registry.get(c.id())).isSameAs(c));
    }

    @Test
    void aVersionIsNeverHandedOutTwice() {
        Chunk c = registry.create(1);
        assertThat(c.nextVersion()).isEqualTo(2);
        // the bump failed everywhere: the chunk stays at 1, but 2 may exist on a slow server
        assertThat(c.nextVersion()).isEqualTo(3);
        registry.changeVersion(c, 3, Set.of());
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.nextVersion()).isEqualTo(4);
    }
}
