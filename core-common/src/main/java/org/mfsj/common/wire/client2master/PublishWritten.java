package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link Publish} of a scratch file together with the ends of its last chunk write sessions
 * ({@link WriteChunkEnd}, each OK, in the order the sessions ended): the master records the
 * writes (file length, chunk locks released) and then publishes, as one call, so a PUT's last
 * chunk end costs no round trip of its own. The sessions' data must be on every server of their
 * chains already. Answered with an {@link EntryReply}, as {@link Publish} is.
 */
public record PublishWritten(Publish publish, List<WriteChunkEnd> ends) implements Idempotent {
    public static final int MAX_ENDS = 4096;

    public PublishWritten {
        ends = List.copyOf(ends);
    }

    @Override
    public int msgId() {
        return publish.msgId();
    }

    @Override
    public long reqId() {
        return publish.reqId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        publish.encodeBody(w);
        w.list(ends, (ww, e) -> e.encodeBody(ww));
    }

    public static PublishWritten decode(int msgId, WireReader r) {
        Publish p = Publish.decode(msgId, r);
        return new PublishWritten(p, r.list(MAX_ENDS, 31, rr -> WriteChunkEnd.decode(msgId, rr)));
    }
}
