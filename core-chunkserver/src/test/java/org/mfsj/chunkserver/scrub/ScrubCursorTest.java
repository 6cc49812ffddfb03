package org.mfsj.chunkserver.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.chunkserver.store.ChunkInfo;

class ScrubCursorTest {
    private static ChunkInfo chunk(long id) {
        return new ChunkInfo(id, 1, 0);
    }

    @Test
    void visitsEveryChunkInIdOrderAndWrapsAround() {
        ScrubCursor cursor = new ScrubCursor();
        List<ChunkInfo> chunks = List.of(chunk(30), chunk(10), chunk(20));
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seen.add(cursor.next(chunks).id());
        }
        assertThat(seen).containsExactly(10L, 20L, 30L, 10L, 20L);
    }

    @Test
    void chunksThatComeAndGoDoNotUpsetTheRound() {
        ScrubCursor cursor = new ScrubCursor();
        assertThat(cursor.next(List.of(chunk(10), chunk(20))).id()).isEqualTo(10);
        // 20 went away and 15 and 25 arrived: the round goes on from 10
        assertThat(cursor.next(List.of(chunk(10), chunk(15), chunk(25))).id()).isEqualTo(15);
        assertThat(cursor.next(List.of(chunk(10), chunk(15), chunk(25))).id()).isEqualTo(25);
        assertThat(cursor.next(List.of(chunk(10), chunk(15), chunk(25))).id()).isEqualTo(10);
    }

    @Test
    void idsAreOrderedAsUnsignedNumbers() {
        ScrubCursor cursor = new ScrubCursor();
        List<ChunkInfo> chunks = List.of(chunk(-1L), chunk(5));
        assertThat(cursor.next(chunks).id()).isEqualTo(5);
        assertThat(cursor.next(chunks).id()).isEqualTo(-1L);
    }

    @Test
    void nothingToCheckGivesNull() {
        assertThat(new ScrubCursor().next(List.of())).isNull();
    }
}
