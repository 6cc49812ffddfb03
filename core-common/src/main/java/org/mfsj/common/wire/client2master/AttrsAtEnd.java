package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Explicit times and permission bits a client kept while it wrote a file (tar sets them after the
 * data), carried by the write's last {@link WriteChunkEnd} and set right after its length: one
 * change and one changelog force less per file than a SetAttr after the end. Only {@link #ALLOWED}
 * bits; {@code creds} are whose change it is, checked as a SetAttr's.
 */
public record AttrsAtEnd(Creds creds, int mask, int mode, long atimeNanos, long mtimeNanos) {
    public static final int ALLOWED = SetAttrMask.ATIME | SetAttrMask.MTIME | SetAttrMask.MODE;

    public AttrsAtEnd {
        if (mask == 0 || (mask & ~ALLOWED) != 0) {
            throw new MalformedMessageException("attributes at a write's end: mask " + mask + " is not of "
                    + ALLOWED);
        }
    }

    void encode(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u32(mask);
        w.u32(mode);
        w.u64(atimeNanos);
        w.u64(mtimeNanos);
    }

    static AttrsAtEnd decode(WireReader r) {
        return new AttrsAtEnd(TypeCodecs.creds(r), r.u32(), r.u32(), r.u64(), r.u64());
    }
}
