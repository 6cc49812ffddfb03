package org.mfsj.master.namespace.op;

import org.mfsj.master.meta.MetaRecord;

/**
 * One applied namespace mutation with every decided value in it (new inode numbers, resolved
 * owners and modes, timestamps), naming inodes by number, never by path. The live path builds one
 * in an op's {@code validate} and hands it to the op's {@code apply}; replay hands a decoded one to
 * the same {@code apply} (see {@link Ops#apply}). Sealed so a changelog codec can be exhaustive.
 */
public sealed interface NamespaceRecord extends MetaRecord permits MkdirRecord, MknodRecord, SymlinkRecord, LinkRecord,
        UnlinkRecord, RmdirRecord, RenameRecord, SetAttrRecord, TruncateRecord, SetXattrRecord,
        RemoveXattrRecord, SetChunkRecord, ExtendLengthRecord, SetGoalRecord, SetTrashTimeRecord, PurgeTrashRecord,
        RestoreTrashRecord, SnapshotRecord, SetQuotaRecord, PublishRecord,
        AppendChunksRecord, HoldOpenRecord, ReleaseOpenRecord, ReleaseOpensRecord {
}
