package org.mfsj.master.meta.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaRecord;

/**
 * A changelog entry's payload: {@code version:u64 session:u64 request:u64 tag:u16 body}. Decoding
 * is strict: an unknown tag, a short body, trailing bytes or a bad value are all errors.
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    public static byte[] encode(LogEntry e) {
        ByteBuf buf = Unpooled.buffer(96);
        WireWriter w = new WireWriter(buf);
        w.u64(e.version()).u64(e.session()).u64(e.request());
        RecordTypes.ALL.encode(w, e.record());
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        return b;
    }

    /** The entry in {@code payload}; MalformedMessageException when it is not exactly one entry. */
    public static LogEntry decode(byte[] payload) {
        WireReader r = new WireReader(Unpooled.wrappedBuffer(payload));
        long version = r.u64();
        long session = r.u64();
        long request = r.u64();
        MetaRecord rec = RecordTypes.ALL.decode(r);
        r.expectEnd("record");
        if (version <= 0) {
            throw new MalformedMessageException("record version " + version);
        }
        return new LogEntry(version, session, request, rec);
    }
}
