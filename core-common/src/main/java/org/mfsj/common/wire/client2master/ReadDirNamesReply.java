package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.NameList;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * One page of a names-only listing: the entry count, the packed entries as one byte run (decoded
 * with one copy and one pass of checks, no object per name), and whether the listing ends there.
 */
public record ReadDirNamesReply(int msgId, Status status, NameList names, boolean eof) implements Reply {
    /** A page holds at most this many entries. */
    public static final int MAX_ENTRIES = 100_000;
    private static final int MAX_BYTES = MAX_ENTRIES * (NameList.ENTRY_HEADER + NameList.MAX_NAME_BYTES);

    @Override
    public int sizeHint() {
        return names.bytes().length + 16;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u32(names.size());
        w.bytes(names.bytes());
        w.bool(eof);
    }

    public static ReadDirNamesReply decode(int msgId, WireReader r) {
        Status status = TypeCodecs.status(r);
        int count = r.u32();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new MalformedMessageException("listing of " + count + " names exceeds limit " + MAX_ENTRIES);
        }
        byte[] packed = r.bytes(MAX_BYTES);
        NameList names;
        try {
            names = NameList.wrap(packed, count);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("listing of names: " + e.getMessage());
        }
        return new ReadDirNamesReply(msgId, status, names, r.bool());
    }
}
