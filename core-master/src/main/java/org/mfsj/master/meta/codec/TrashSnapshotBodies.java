package org.mfsj.master.meta.codec;

import org.mfsj.master.namespace.op.PurgeTrashRecord;
import org.mfsj.master.namespace.op.RestoreTrashRecord;
import org.mfsj.master.namespace.op.SetQuotaRecord;
import org.mfsj.master.namespace.op.SetTrashTimeRecord;
import org.mfsj.master.namespace.op.SnapshotRecord;

/** Bodies of the trash, snapshot and quota records; tags 24-31 of the namespace range. */
final class TrashSnapshotBodies {
    private TrashSnapshotBodies() {
    }

    static void register(RecordTypes t) {
        t.add(24, SetTrashTimeRecord.class,
                (w, r) -> w.u64(r.inode()).u32(r.seconds()).bool(r.recursive()).bool(r.onlyOwnedBy()).u32(r.uid())
                        .u64(r.timeNanos()),
                r -> new SetTrashTimeRecord(r.u64(), r.u32(), r.bool(), r.bool(), r.u32(), r.u64()));
        t.add(25, PurgeTrashRecord.class, (w, r) -> w.u64(r.inode()), r -> new PurgeTrashRecord(r.u64()));
        t.add(26, RestoreTrashRecord.class, (w, r) -> w.u64(r.inode()).u64(r.firstNewInode()).u64(r.timeNanos()),
                r -> new RestoreTrashRecord(r.u64(), r.u64(), r.u64()));
        t.add(28, SetQuotaRecord.class,
                (w, r) -> w.u64(r.inode()).u64(r.softBytes()).u64(r.hardBytes()).u64(r.softInodes()).u64(r.hardInodes()),
                r -> new SetQuotaRecord(r.u64(), r.u64(), r.u64(), r.u64(), r.u64()));
        t.add(27, SnapshotRecord.class,
                (w, r) -> w.u64(r.source()).u64(r.dstParent()).str(r.name()).u64(r.firstNewInode()).u64(r.timeNanos()),
                r -> new SnapshotRecord(r.u64(), r.u64(), r.str(), r.u64(), r.u64()));
    }
}
