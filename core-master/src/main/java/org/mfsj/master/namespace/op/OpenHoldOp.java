package org.mfsj.master.namespace.op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Holding and releasing files that sessions keep open past their last name (see
 * {@link org.mfsj.master.namespace.tree.OpenHolds}). No permission check: the open was checked
 * when it was made, and releasing is the holder's own business.
 */
public final class OpenHoldOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    OpenHoldOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    /** A hold is worth logging for a file only; null otherwise (nothing to keep). */
    public HoldOpenRecord validateHold(long inode, long session, int opens) {
        return opens > 0 && tree.find(inode) instanceof FileNode ? new HoldOpenRecord(inode, session, opens) : null;
    }

    /** Null when {@code session} holds nothing of {@code inode}: its opens live only in memory. */
    public ReleaseOpenRecord validateRelease(long inode, long session, int releases) {
        return tree.holds().isHeldBy(inode, session) ? new ReleaseOpenRecord(inode, session, releases) : null;
    }

    /**
     * One record for a batch's releases of files {@code session} holds, {@code inodes} as the batch
     * lists them (a file closed twice is listed twice); null when it holds none of them.
     */
    public ReleaseOpensRecord validateReleases(long session, List<Long> inodes) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (long inode : inodes) {
            if (tree.holds().isHeldBy(inode, session)) {
                counts.merge(inode, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        List<ReleaseOpensRecord.Released> files = new ArrayList<>(counts.size());
        counts.forEach((inode, n) -> files.add(new ReleaseOpensRecord.Released(inode, n)));
        return new ReleaseOpensRecord(session, files);
    }

    public void apply(HoldOpenRecord r) {
        tree.expect(r.inode(), FileNode.class);
        tree.holds().add(r.inode(), r.session(), r.opens());
    }

    public void apply(ReleaseOpenRecord r) {
        release(r.inode(), r.session(), r.releases());
    }

    public void apply(ReleaseOpensRecord r) {
        for (ReleaseOpensRecord.Released f : r.files()) {
            release(f.inode(), r.session(), f.releases());
        }
    }

    private void release(long inode, long session, int releases) {
        FileNode file = tree.expect(inode, FileNode.class);
        if (tree.holds().release(inode, session, releases) && file.nlink() == 0
                && !tree.trash().contains(file.id())) {
            unlinker.release(file);
        }
    }
}
