package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Answer to {@link WithDirAttrs}: the change's status, the entry it made or linked (null for a
 * removal or a rename), and the attributes of its directory after it ({@code dir}; for a rename
 * the source's) and of a rename's target directory ({@code otherDir}, null otherwise). A
 * directory that cannot be read any more is null; on failure both are the directories as they are.
 */
public record DirChangeReply(int msgId, Status status, Attr entry, Attr dir, Attr otherDir) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, entry);
        TypeCodecs.attrOrNull(w, dir);
        TypeCodecs.attrOrNull(w, otherDir);
    }

    public static DirChangeReply decode(int msgId, WireReader r) {
        return new DirChangeReply(msgId,
                TypeCodecs.status(r),
                TypeCodecs.attrOrNull(r),
                TypeCodecs.attrOrNull(r),
                TypeCodecs.attrOrNull(r));
    }
}
