package org.mfsj.master.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.master.chunks.TestServers.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
