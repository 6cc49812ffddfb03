package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** One page of a listing. */
public record ReadDirReply(int msgId, Status status, List<DirEntry> entries, boolean eof) implements Reply {
    /** An entry with attributes and a name of about 20 bytes: a page of 10,000 is about 1 MiB. */
    private static final int ENTRY_BYTES = 110;

    @Override
    public int sizeHint() {
        return entries.size() * ENTRY_BYTES;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.list(entries, TypeCodecs::dirEntry);
        w.bool(eof);
    }

    public static ReadDirReply decode(int msgId, WireReader r) {
        return new ReadDirReply(msgId,
                TypeCodecs.status(r),
                r.list(100_000, 16, TypeCodecs::dirEntry),
                r.bool());
    }
}
