package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkListenerTest extends NamespaceFixture {

    @Test
    void lastUnlinkReleasesEveryChunkButNotHoles() throws Exception {
        long f = file(ROOT, "f");
        ns.setChunk(f, 0, 1);
        ns.setChunk(f, 3, 4);
        ns.unlink(SU, ROOT, "f");
        assertThat(listener.unreferenced).containsExactly(1L, 4L);
    }

    @Test
    void unlinkingAnEmptyFileOrOtherKindsReportsNothing() throws Exception {
        file(ROOT, "f");
        ns.symlink(SU, ROOT, "l", "f");
        dir(ROOT, "d");
        ns.unlink(SU, ROOT, "f");
        ns.unlink(SU, ROOT, "l");
        ns.rmdir(SU, ROOT, "d");
        assertThat(listener.all).isEmpty();
    }

    @Test
    void renameOverTheLastLinkReleasesTheTargetsChunks() throws Exception {
        long a = file(ROOT, "a");
        long b = file(ROOT, "b");
        ns.setChunk(a, 0, 10);
        ns.setChunk(b, 0, 20);
        ns.rename(SU, ROOT, "a", ROOT, "b");
        assertThat(listener.unreferenced).containsExactly(20L);
    }

    @Test
    void aListenerSetLaterIsUsedAndNullMeansNobody() throws Exception {
        long f = file(ROOT, "f");
        ns.setChunk(f, 0, 10);
        ns.setChunkListener(null);
        ns.setChunk(f, 0, 11);
        RecordingListener later = new RecordingListener();
        ns.setChunkListener(later);
        ns.unlink(SU, ROOT, "f");
        assertThat(listener.all).isEmpty();
        assertThat(later.unreferenced).containsExactly(11L);
    }
}
