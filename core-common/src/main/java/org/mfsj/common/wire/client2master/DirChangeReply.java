package org.mfsj.common.wire.client2master;

import java.util.List;
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
 * {@code changed} names the other inodes whose attributes the change touched without returning
 * them: the one that lost a name (unlinked, removed, or replaced by a rename) and the one renamed.
 */
public record DirChangeReply(int msgId, Status status, Attr entry, Attr dir, Attr otherDir, List<Long> changed)
        implements Reply {
    /** A rename touches at most two inodes besides its directories. */
    public static final int MAX_CHANGED = 2;

    public DirChangeReply {
        changed = List.copyOf(changed);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, entry);
        TypeCodecs.attrOrNull(w, dir);
        TypeCodecs.attrOrNull(w, otherDir);
        w.list(changed, WireWriter::u64);
    }

    public static DirChangeReply decode(int msgId, WireReader r) {
        return new DirChangeReply(msgId,
                TypeCodecs.status(r),
                TypeCodecs.attrOrNull(r),
                TypeCodecs.attrOrNull(r),
                TypeCodecs.attrOrNull(r),
                r.list(MAX_CHANGED, 8, WireReader::u64));
    }
}
