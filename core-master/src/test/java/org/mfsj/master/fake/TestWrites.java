package org.mfsj.master.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkReply;

/** Writes of raw test clients against a master with fake chunkservers. */
public final class TestWrites {
    private TestWrites() {
    }

    /**
     * Opens chunk 0 for writing; a new chunk the master leaves to the chain (one past the file's
     * end) is then made on the chain's servers, as their WriteInitNew would.
     */
    public static WriteChunkReply openWrite(TestClient client, List<FakeChunkServer> fakes, long inode)
            throws Exception {
        Reply r = client.call(id -> new WriteChunk(id, ROOT, inode, 0), Reply.class);
        WriteChunkReply w = r instanceof NewChunkReply n ? n.reply() : (WriteChunkReply) r;
        assertThat(w.status()).isEqualTo(Status.OK);
        if (r instanceof NewChunkReply) {
            fakes.stream().filter(f -> w.chain().contains(f.dataAddress()))
                    .forEach(f -> f.chunks().put(w.chunkId(), w.version()));
        }
        return w;
    }
}
