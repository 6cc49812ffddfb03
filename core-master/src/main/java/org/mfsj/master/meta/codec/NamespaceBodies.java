package org.mfsj.master.meta.codec;

import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.master.namespace.op.AppendChunksRecord;
import org.mfsj.master.namespace.op.ExtendLengthRecord;
import org.mfsj.master.namespace.op.LinkRecord;
import org.mfsj.master.namespace.op.MkdirRecord;
import org.mfsj.master.namespace.op.MknodRecord;
import org.mfsj.master.namespace.op.PublishRecord;
import org.mfsj.master.namespace.op.RemoveXattrRecord;
import org.mfsj.master.namespace.op.RenameRecord;
import org.mfsj.master.namespace.op.RmdirRecord;
import org.mfsj.master.namespace.op.SetAttrRecord;
import org.mfsj.master.namespace.op.SetChunkRecord;
import org.mfsj.master.namespace.op.SetGoalRecord;
import org.mfsj.master.namespace.op.SetXattrRecord;
import org.mfsj.master.namespace.op.SymlinkRecord;
import org.mfsj.master.namespace.op.TruncateRecord;
import org.mfsj.master.namespace.op.UnlinkRecord;

/** Bodies of the namespace records; tags 1-31. Fields in record order, times in nanoseconds. */
final class NamespaceBodies {
    private static final int MAX_XATTR_VALUE = 1 << 20;
    private static final int MAX_APPENDED = 1 << 20;

    private NamespaceBodies() {
    }

    static void register(RecordTypes t) {
        t.add(1, MkdirRecord.class,
                (w, r) -> w.u64(r.parent()).str(r.name()).u64(r.inode()).u32(r.mode()).u32(r.uid()).u32(r.gid())
                        .u8(r.goal()).u64(r.timeNanos()),
                r -> new MkdirRecord(r.u64(), r.str(), r.u64(), r.u32(), r.u32(), r.u32(), r.u8(), r.u64()));
        t.add(2, MknodRecord.class,
                (w, r) -> w.u64(r.parent()).str(r.name()).u64(r.inode()).u8(r.type().code()).u32(r.mode())
                        .u32(r.rdev()).u32(r.uid()).u32(r.gid()).u8(r.goal()).u64(r.timeNanos()),
                r -> new MknodRecord(r.u64(), r.str(), r.u64(), TypeCodecs.fileType(r), r.u32(), r.u32(), r.u32(),
                        r.u32(), r.u8(), r.u64()));
        t.add(3, SymlinkRecord.class,
                (w, r) -> w.u64(r.parent()).str(r.name()).u64(r.inode()).str(r.target()).u32(r.uid()).u32(r.gid())
                        .u8(r.goal()).u64(r.timeNanos()),
                r -> new SymlinkRecord(r.u64(), r.str(), r.u64(), r.str(), r.u32(), r.u32(), r.u8(), r.u64()));
        t.add(4, LinkRecord.class,
                (w, r) -> w.u64(r.inode()).u64(r.parent()).str(r.name()).u64(r.timeNanos()),
                r -> new LinkRecord(r.u64(), r.u64(), r.str(), r.u64()));
        t.add(5, UnlinkRecord.class,
                (w, r) -> w.u64(r.parent()).str(r.name()).u64(r.inode()).u64(r.timeNanos()),
                r -> new UnlinkRecord(r.u64(), r.str(), r.u64(), r.u64()));
        t.add(6, RmdirRecord.class,
                (w, r) -> w.u64(r.parent()).str(r.name()).u64(r.inode()).u64(r.timeNanos()),
                r -> new RmdirRecord(r.u64(), r.str(), r.u64(), r.u64()));
        t.add(7, RenameRecord.class,
                (w, r) -> w.u64(r.srcParent()).str(r.srcName()).u64(r.dstParent()).str(r.dstName()).u64(r.inode())
                        .u64(r.replaced()).u64(r.timeNanos()),
                r -> new RenameRecord(r.u64(), r.str(), r.u64(), r.str(), r.u64(), r.u64(), r.u64()));
        t.add(8, SetAttrRecord.class,
                (w, r) -> w.u64(r.inode()).u32(r.mask()).u32(r.mode()).u32(r.uid()).u32(r.gid())
                        .u64(r.atimeNanos()).u64(r.mtimeNanos()).u64(r.timeNanos()),
                r -> new SetAttrRecord(r.u64(), r.u32(), r.u32(), r.u32(), r.u32(), r.u64(), r.u64(), r.u64()));
        t.add(9, TruncateRecord.class,
                (w, r) -> w.u64(r.inode()).u64(r.length()).u64(r.timeNanos()),
                r -> new TruncateRecord(r.u64(), r.u64(), r.u64()));
        t.add(10, SetXattrRecord.class,
                (w, r) -> w.u64(r.inode()).str(r.name()).bytes(r.value()).u64(r.timeNanos()),
                r -> new SetXattrRecord(r.u64(), r.str(), r.bytes(MAX_XATTR_VALUE), r.u64()));
        t.add(11, RemoveXattrRecord.class,
                (w, r) -> w.u64(r.inode()).str(r.name()).u64(r.timeNanos()),
                r -> new RemoveXattrRecord(r.u64(), r.str(), r.u64()));
        t.add(12, SetChunkRecord.class,
                (w, r) -> w.u64(r.inode()).u32(r.index()).u64(r.chunkId()),
                r -> new SetChunkRecord(r.u64(), r.u32(), r.u64()));
        t.add(13, ExtendLengthRecord.class,
                (w, r) -> w.u64(r.inode()).u64(r.length()).u64(r.timeNanos()),
                r -> new ExtendLengthRecord(r.u64(), r.u64(), r.u64()));
        t.add(14, SetGoalRecord.class,
                (w, r) -> w.u64(r.inode()).u8(r.goal()).bool(r.recursive()).bool(r.onlyOwnedBy()).u32(r.uid())
                        .u64(r.timeNanos()),
                r -> new SetGoalRecord(r.u64(), r.u8(), r.bool(), r.bool(), r.u32(), r.u64()));
        t.add(29, PublishRecord.class,
                (w, r) -> w.u64(r.srcParent()).str(r.srcName()).u64(r.dstParent()).str(r.dstName()).u64(r.inode())
                        .u64(r.replaced()).str(r.xattrName()).bytes(r.xattrValue()).u64(r.mtimeNanos())
                        .u64(r.timeNanos()),
                r -> new PublishRecord(r.u64(), r.str(), r.u64(), r.str(), r.u64(), r.u64(), r.str(),
                        r.bytes(MAX_XATTR_VALUE), r.u64(), r.u64()));
        t.add(30, AppendChunksRecord.class,
                (w, r) -> w.u64(r.inode()).list(r.sources(), WireWriter::u64).u64(r.timeNanos()),
                r -> new AppendChunksRecord(r.u64(), r.list(MAX_APPENDED, 8, WireReader::u64), r.u64()));
    }
}
