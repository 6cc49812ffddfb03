package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Finds {@code name} in {@code parent}, reads one of its extended attributes and, when it is a
 * regular file and {@code openForRead} is set, opens it for reading, in one call: what an object
 * store's GET or HEAD needs before the first byte. Answered with a {@link LookupObjectReply}.
 */
public record LookupObject(int msgId, Creds creds, long parent, String name, String xattrName, boolean openForRead)
        implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.str(xattrName);
        w.bool(openForRead);
    }

    public static LookupObject decode(int msgId, WireReader r) {
        return new LookupObject(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.str(),
                r.bool());
    }
}
