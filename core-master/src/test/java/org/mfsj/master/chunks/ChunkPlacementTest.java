package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.chunks.TestServers.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkPlacementTest {
    @Test
    void newChunksGoToDistinctServersWithMostFreeSpaceFirst() {
        StorageServer a = server(1, 80, 100);
        StorageServer b = server(2, 20, 100);
        StorageServer c = server(3, 50, 100);
        assertThat(ChunkPlacement.forNewChunk(List.of(a, b, c), 2)).containsExactly(b, c);
    }

    @Test
    void consecutiveChunksSpreadOverEquallyFreeServers() {
        List<StorageServer> servers = List.of(server(1), server(2), server(3), server(4));
        Map<StorageServer, Integer> copies = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            List<StorageServer> chosen = ChunkPlacement.forNewChunk(servers, 2);
            assertThat(chosen).hasSize(2).doesNotHaveDuplicates();
            chosen.forEach(s -> {
                s.notePlacement();
                copies.merge(s, 1, Integer::sum);
            });
        }
        assertThat(copies).hasSize(4).allSatisfy((s, n) -> assertThat(n).isEqualTo(2));
    }

    @Test
    void fewerServersThanTheGoalGiveFewerCopies() {
        StorageServer a = server(1);
        assertThat(ChunkPlacement.forNewChunk(List.of(a), 3)).containsExactly(a);
    }

    @Test
    void fullDisconnectedAndUnregisteredServersAreNeverChosen() {
        StorageServer full = server(1, 100, 100);
        StorageServer gone = server(2);
        gone.markDisconnected();
        StorageServer reporting = new StorageServer(3, gone.dataAddress(), gone.disks());
        assertThat(ChunkPlacement.forNewChunk(List.of(full, gone, reporting), 2)).isEmpty();
    }

    @Test
    void aHeartbeatForgetsPlacementsItNowAccountsFor() {
        StorageServer a = server(1);
        StorageServer b = server(2);
        a.notePlacement();
        assertThat(ChunkPlacement.forNewChunk(List.of(a, b), 1)).containsExactly(b);
        a.updateDisks(a.disks());
        assertThat(ChunkPlacement.forNewChunk(List.of(a, b), 1)).containsExactly(a);
    }

    /** The rule as it was written with a sort over every server, before placement became one pass. */
    private static final Comparator<StorageServer> SORTED_RULE =
            Comparator.comparingInt((StorageServer s) -> (int) Math.max(0, s.effectiveFreeBytes() * 100 / s.totalBytes()))
                    .reversed()
                    .thenComparingInt(s -> s.chunkCount() + s.placementsSinceReport())
                    .thenComparing(StorageServer::id, Long::compareUnsigned);

    @Test
    void choosesWhatSortingEveryServerChoosesAndTargetIsTheFirstOfThem() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            List<StorageServer> servers = new ArrayList<>();
            for (int id = 1 + random.nextInt(9); id > 0; id--) {
                StorageServer s = server(id, random.nextInt(3), 2);
                for (int p = random.nextInt(20); p > 0; p--) {
                    s.notePlacement();
                }
                for (int k = random.nextInt(3); k > 0; k--) {
                    s.addChunk(k);
                }
                if (random.nextInt(8) == 0) {
                    s.markDisconnected();
                }
                servers.add(s);
            }
            int goal = random.nextInt(5);
            List<StorageServer> sorted = servers.stream().filter(s -> s.usable() && s.freeBytes() > 0)
                    .sorted(SORTED_RULE).toList();
            assertThat(ChunkPlacement.forNewChunk(servers, goal))
                    .containsExactlyElementsOf(sorted.subList(0, Math.min(goal, sorted.size())));
            assertThat(ChunkPlacement.target(servers, s -> true)).isEqualTo(sorted.stream().findFirst());
        }
    }
}
