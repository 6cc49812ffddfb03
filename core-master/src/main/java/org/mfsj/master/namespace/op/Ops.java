package org.mfsj.master.namespace.op;

import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Every mutation of one tree, wired to the same table and listener, and the one dispatch from a
 * record to its op's {@code apply}. The live path calls the typed ops; replay calls
 * {@link #apply(NamespaceRecord)}, which reaches the very same methods.
 */
public record Ops(MkdirOp mkdir, MknodOp mknod, SymlinkOp symlink, LinkOp link, UnlinkOp unlink, RmdirOp rmdir,
        RenameOp rename, SetAttrOp setAttr, TruncateOp truncate, SetXattrOp setXattr, RemoveXattrOp removeXattr,
        SetChunkOp setChunk, ExtendLengthOp extendLength, SetGoalOp setGoal, SetTrashTimeOp setTrashTime,
        PurgeTrashOp purgeTrash, RestoreTrashOp restoreTrash, SnapshotOp snapshot, SetQuotaOp setQuota,
        PublishOp publish, AppendChunksOp appendChunks, OpenHoldOp openHold) {

    public static Ops create(InodeTable tree, ChunkListener listener) {
        Unlinker unlinker = new Unlinker(tree, listener);
        RenameOp rename = new RenameOp(tree, unlinker);
        SetXattrOp setXattr = new SetXattrOp(tree);
        return new Ops(new MkdirOp(tree), new MknodOp(tree), new SymlinkOp(tree), new LinkOp(tree),
                new UnlinkOp(tree, unlinker), new RmdirOp(tree, unlinker), rename,
                new SetAttrOp(tree), new TruncateOp(tree, listener), setXattr, new RemoveXattrOp(tree),
                new SetChunkOp(tree, listener), new ExtendLengthOp(tree), new SetGoalOp(tree, listener),
                new SetTrashTimeOp(tree), new PurgeTrashOp(tree, unlinker), new RestoreTrashOp(tree),
                new SnapshotOp(tree, listener), new SetQuotaOp(tree), new PublishOp(tree, rename, setXattr),
                new AppendChunksOp(tree, listener), new OpenHoldOp(tree, unlinker));
    }

    /**
     * Applies a record from the changelog (or a follower stream) exactly as the live path did, and
     * returns what the live path returned (attributes, a count, or null), for the reply cache.
     */
    public Object apply(NamespaceRecord r) {
        if (r instanceof MkdirRecord x) {
            return mkdir.apply(x);
        } else if (r instanceof MknodRecord x) {
            return mknod.apply(x);
        } else if (r instanceof SymlinkRecord x) {
            return symlink.apply(x);
        } else if (r instanceof LinkRecord x) {
            return link.apply(x);
        } else if (r instanceof UnlinkRecord x) {
            unlink.apply(x);
            return null;
        } else if (r instanceof RmdirRecord x) {
            rmdir.apply(x);
            return null;
        } else if (r instanceof RenameRecord x) {
            rename.apply(x);
            return null;
        } else if (r instanceof SetAttrRecord x) {
            return setAttr.apply(x);
        } else if (r instanceof TruncateRecord x) {
            return truncate.apply(x);
        } else if (r instanceof SetXattrRecord x) {
            setXattr.apply(x);
            return null;
        } else if (r instanceof RemoveXattrRecord x) {
            removeXattr.apply(x);
            return null;
        } else if (r instanceof SetChunkRecord x) {
            setChunk.apply(x);
            return null;
        } else if (r instanceof ExtendLengthRecord x) {
            return extendLength.apply(x);
        } else if (r instanceof SetGoalRecord x) {
            return setGoal.apply(x);
        }
        return applyMore(r);
    }

    private Object applyMore(NamespaceRecord r) {
        if (r instanceof SetTrashTimeRecord x) {
            return setTrashTime.apply(x);
        } else if (r instanceof PurgeTrashRecord x) {
            purgeTrash.apply(x);
            return null;
        } else if (r instanceof RestoreTrashRecord x) {
            return restoreTrash.apply(x);
        } else if (r instanceof SnapshotRecord x) {
            return snapshot.apply(x);
        } else if (r instanceof SetQuotaRecord x) {
            setQuota.apply(x);
            return null;
        } else if (r instanceof PublishRecord x) {
            return publish.apply(x);
        } else if (r instanceof AppendChunksRecord x) {
            return appendChunks.apply(x);
        } else if (r instanceof HoldOpenRecord x) {
            openHold.apply(x);
            return null;
        } else if (r instanceof ReleaseOpenRecord x) {
            openHold.apply(x);
            return null;
        } else if (r instanceof ReleaseOpensRecord x) {
            openHold.apply(x);
            return null;
        }
        throw new IllegalArgumentException("unknown record " + r);
    }
}
