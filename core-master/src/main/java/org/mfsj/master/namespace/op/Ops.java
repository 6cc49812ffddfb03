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
        SetChunkOp setChunk, ExtendLengthOp extendLength, SetGoalOp setGoal) {

    public static Ops create(InodeTable tree, ChunkListener listener) {
        Unlinker unlinker = new Unlinker(tree, listener);
        return new Ops(new MkdirOp(tree), new MknodOp(tree), new SymlinkOp(tree), new LinkOp(tree),
                new UnlinkOp(tree, unlinker), new RmdirOp(tree, unlinker), new RenameOp(tree, unlinker),
                new SetAttrOp(tree), new TruncateOp(tree, listener), new SetXattrOp(tree), new RemoveXattrOp(tree),
                new SetChunkOp(tree, listener), new ExtendLengthOp(tree), new SetGoalOp(tree, listener));
    }

    /** Applies a record from the changelog (or a follower stream) exactly as the live path did. */
    public void apply(NamespaceRecord r) {
        if (r instanceof MkdirRecord x) {
            mkdir.apply(x);
        } else if (r instanceof MknodRecord x) {
            mknod.apply(x);
        } else if (r instanceof SymlinkRecord x) {
            symlink.apply(x);
        } else if (r instanceof LinkRecord x) {
            link.apply(x);
        } else if (r instanceof UnlinkRecord x) {
            unlink.apply(x);
        } else if (r instanceof RmdirRecord x) {
            rmdir.apply(x);
        } else if (r instanceof RenameRecord x) {
            rename.apply(x);
        } else if (r instanceof SetAttrRecord x) {
            setAttr.apply(x);
        } else if (r instanceof TruncateRecord x) {
            truncate.apply(x);
        } else if (r instanceof SetXattrRecord x) {
            setXattr.apply(x);
        } else if (r instanceof RemoveXattrRecord x) {
            removeXattr.apply(x);
        } else if (r instanceof SetChunkRecord x) {
            setChunk.apply(x);
        } else if (r instanceof ExtendLengthRecord x) {
            extendLength.apply(x);
        } else if (r instanceof SetGoalRecord x) {
            setGoal.apply(x);
        } else {
            throw new IllegalArgumentException("unknown record " + r);
        }
    }
}
