package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * What {@link LookupObject} found: the entry's attributes (null unless OK), the attribute's value
 * (null when the entry has none), and whether the file was opened. An opened file also comes with
 * where its first chunk lives, as {@link ReadChunkReply} would say (chunkId 0: no chunk, or no
 * valid copy), so reading a small object needs no second master call.
 */
public record LookupObjectReply(int msgId, Status status, Attr attr, byte[] xattr, boolean opened, long chunkId,
                                int version, List<ServerAddress> locations) implements Reply {
    public static final int MAX_DATA = XattrReply.MAX_DATA;

    public LookupObjectReply {
        locations = List.copyOf(locations);
    }

    /** A reply without the first chunk's place. */
    public LookupObjectReply(int msgId, Status status, Attr attr, byte[] xattr, boolean opened) {
        this(msgId, status, attr, xattr, opened, 0, 0, List.of());
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, attr);
        w.bool(xattr != null);
        w.bytes(xattr == null ? new byte[0] : xattr);
        w.bool(opened);
        w.u64(chunkId);
        w.u32(version);
        w.list(locations, TypeCodecs::address);
    }

    public static LookupObjectReply decode(int msgId, WireReader r) {
        Status status = TypeCodecs.status(r);
        Attr attr = TypeCodecs.attrOrNull(r);
        boolean has = r.bool();
        byte[] value = r.bytes(MAX_DATA);
        return new LookupObjectReply(msgId, status, attr, has ? value : null, r.bool(), r.u64(), r.u32(),
                r.list(64, 4, TypeCodecs::address));
    }
}
