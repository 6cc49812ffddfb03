package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Names of extended attributes. */
public record XattrListReply(int msgId, Status status, List<String> names) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.list(names, WireWriter::str);
    }

    public static XattrListReply decode(int msgId, WireReader r) {
        return new XattrListReply(msgId,
                TypeCodecs.status(r),
                r.list(100_000, 2, WireReader::str));
    }
}
