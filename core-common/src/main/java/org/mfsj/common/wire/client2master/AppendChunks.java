package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Appends the chunks of the files {@code sources}, in order, to the end of file {@code inode},
 * sharing them as a snapshot does (copied on a later write) instead of copying bytes. The file's
 * length and every source's but the last must be whole chunks. Answered with an {@link AttrReply}.
 */
public record AppendChunks(int msgId, Creds creds, long inode, List<Long> sources, long reqId) implements Idempotent {
    public static final int MAX_SOURCES = 10_000;

    public AppendChunks {
        sources = List.copyOf(sources);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u32(sources.size());
        sources.forEach(w::u64);
        w.u64(reqId);
    }

    public static AppendChunks decode(int msgId, WireReader r) {
        return new AppendChunks(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.list(MAX_SOURCES, 8, WireReader::u64),
                r.u64());
    }
}
