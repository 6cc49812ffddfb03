package org.mfsj.master.namespace.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Directory quotas: limits on the bytes (file lengths) and inodes below a directory, with the
 * usage kept up to date by every change, walking up the directory's ancestors. A file is charged
 * to the directory of its home name ({@link FileNode#parent()}); files in trash are not charged.
 * With no quota set every call returns at once.
 */
public final class Quotas {
    /** Limits of one directory (0 = none) and what is below it now. */
    public static final class Quota {
        private final long dir;
        private long softBytes;
        private long hardBytes;
        private long softInodes;
        private long hardInodes;
        private long usedBytes;
        private long usedInodes;

        Quota(long dir) {
            this.dir = dir;
        }

        public long dir() {
            return dir;
        }

        public long softBytes() {
            return softBytes;
        }

        public long hardBytes() {
            return hardBytes;
        }

        public long softInodes() {
            return softInodes;
        }

        public long hardInodes() {
            return hardInodes;
        }

        public long usedBytes() {
            return usedBytes;
        }

        public long usedInodes() {
            return usedInodes;
        }

        void setLimits(long softBytes, long hardBytes, long softInodes, long hardInodes) {
            this.softBytes = softBytes;
            this.hardBytes = hardBytes;
            this.softInodes = softInodes;
            this.hardInodes = hardInodes;
        }

        /** The directory itself is not counted, only what is below it, as in MooseFS. */
        void setUsage(long bytes, long inodes) {
            this.usedBytes = bytes;
            this.usedInodes = inodes;
        }

        boolean wouldExceed(long inodes, long bytes) {
            return (hardInodes > 0 && inodes > 0 && usedInodes + inodes > hardInodes)
                    || (hardBytes > 0 && bytes > 0 && usedBytes + bytes > hardBytes);
        }
    }

    private final InodeTable tree;
    private final Map<Long, Quota> byDir = new LinkedHashMap<>();

    Quotas(InodeTable tree) {
        this.tree = tree;
    }

    public boolean isEmpty() {
        return byDir.isEmpty();
    }

    public Quota get(long dir) {
        return byDir.get(dir);
    }

    public Collection<Quota> all() {
        return Collections.unmodifiableCollection(byDir.values());
    }

    /** Sets limits (creating the quota, with the usage as given) or, all four 0, removes it. */
    public void set(long dir, long softBytes, long hardBytes, long softInodes, long hardInodes, long usedBytes,
            long usedInodes) {
        if (softBytes == 0 && hardBytes == 0 && softInodes == 0 && hardInodes == 0) {
            byDir.remove(dir);
            return;
        }
        Quota q = byDir.computeIfAbsent(dir, Quota::new);
        q.setLimits(softBytes, hardBytes, softInodes, hardInodes);
        q.setUsage(usedBytes, usedInodes);
    }

    /**
     * For a load: files are charged to the first directory naming them, and every quota's usage is
     * counted from its subtree (usage is not saved; it follows from the tree).
     */
    public void rebuild() {
        for (Inode n : tree.all()) {
            if (n instanceof DirNode d) {
                for (Dentry e : d.entries()) {
                    if (tree.expect(e.inode(), Inode.class) instanceof FileNode f && f.parent() == 0) {
                        f.setParent(d.id());
                    }
                }
            }
        }
        for (Quota q : byDir.values()) {
            long[] usage = usageOf(tree.expect(q.dir(), DirNode.class));
            q.setUsage(usage[1], usage[0] - 1);
        }
    }

    /** Quotas of {@code dir} and of its ancestors, nearest first. */
    public List<Quota> above(long dir) {
        if (byDir.isEmpty() || dir == 0) {
            return List.of();
        }
        List<Quota> out = new ArrayList<>(2);
        long d = dir;
        while (true) {
            Quota q = byDir.get(d);
            if (q != null) {
                out.add(q);
            }
            if (d == InodeTable.ROOT) {
                return out;
            }
            d = tree.expect(d, DirNode.class).parent();
        }
    }

    /** Adds (or with negative numbers takes away) usage below {@code dir}. */
    public void charge(long dir, long inodes, long bytes) {
        for (Quota q : above(dir)) {
            q.usedInodes += inodes;
            q.usedBytes += bytes;
        }
    }

    /** EDQUOT when adding {@code inodes} and {@code bytes} below {@code dir} would pass a hard limit. */
    public void checkRoom(long dir, long inodes, long bytes) throws MfsException {
        for (Quota q : above(dir)) {
            if (q.wouldExceed(inodes, bytes)) {
                throw new MfsException(Status.EDQUOT, "quota of directory " + q.dir() + " (" + q.usedBytes()
                        + "/" + q.hardBytes() + " bytes, " + q.usedInodes() + "/" + q.hardInodes() + " inodes)");
            }
        }
    }

    /**
     * Moves the usage of a subtree of {@code inodes} and {@code bytes} from below {@code from} to
     * below {@code to}; quotas above both keep theirs.
     */
    public void move(long from, long to, long inodes, long bytes) {
        if (byDir.isEmpty() || from == to) {
            return;
        }
        List<Quota> a = above(from);
        List<Quota> b = above(to);
        for (Quota q : a) {
            if (!b.contains(q)) {
                q.usedInodes -= inodes;
                q.usedBytes -= bytes;
            }
        }
        for (Quota q : b) {
            if (!a.contains(q)) {
                q.usedInodes += inodes;
                q.usedBytes += bytes;
            }
        }
    }

    /** EDQUOT when moving that much from below {@code from} to below {@code to} passes a hard limit. */
    public void checkMove(long from, long to, long inodes, long bytes) throws MfsException {
        if (byDir.isEmpty() || from == to) {
            return;
        }
        List<Quota> a = above(from);
        for (Quota q : above(to)) {
            if (!a.contains(q) && q.wouldExceed(inodes, bytes)) {
                throw new MfsException(Status.EDQUOT, "quota of directory " + q.dir());
            }
        }
    }

    /** What a subtree holds, as quotas count it: inodes below {@code top} plus its own, and file bytes. */
    public long[] usageOf(Inode top) {
        long[] sum = new long[2];
        java.util.ArrayDeque<Inode> todo = new java.util.ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            Inode n = todo.pop();
            sum[0]++;
            if (n instanceof FileNode f) {
                sum[1] += f.length();
            } else if (n instanceof DirNode d) {
                for (Dentry e : d.entries()) {
                    todo.push(tree.expect(e.inode(), Inode.class));
                }
            }
        }
        return sum;
    }
}
