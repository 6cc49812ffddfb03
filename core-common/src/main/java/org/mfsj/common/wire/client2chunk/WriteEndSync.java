package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link WriteEnd} that also forces the chunk to disk on every server of the chain: answered OK
 * only when every server has every byte on disk, so a writer that fsyncs right after its last
 * write needs no {@link ChunkSync} round trip of its own.
 */
public record WriteEndSync(WriteEnd end) implements Message {
    @Override
    public int msgId() {
        return end.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        end.encodeBody(w);
    }

    public static WriteEndSync decode(int msgId, WireReader r) {
        return new WriteEndSync(WriteEnd.decode(msgId, r));
    }
}
