package org.mfsj.fuse.lowlevel;

import java.time.Duration;
import jnr.ffi.Pointer;
import org.mfsj.fuse.context.ProcGroups;

/**
 * What one mount tells the kernel besides answers: how long it may keep names and attributes, and
 * which node id stands for which inode. The kernel calls the mount's root node 1 (FUSE_ROOT_ID);
 * every other node id is the inode number itself, so all names of a hard-linked file are one
 * kernel inode and its cached attributes cannot disagree between them.
 */
public final class Kernel {
    static final long ROOT_ID = 1;

    private final LibFuse2 lib;
    private final long root;
    private final double attrTimeout;
    private final double entryTimeout;
    private final ProcGroups groups;
    private volatile Pointer channel;

    public Kernel(LibFuse2 lib, long rootInode, Duration attrTimeout, Duration entryTimeout, ProcGroups groups) {
        this.lib = lib;
        this.root = rootInode;
        this.attrTimeout = attrTimeout.toNanos() / 1e9;
        this.entryTimeout = entryTimeout.toNanos() / 1e9;
        this.groups = groups;
    }

    /** The inode a kernel node id names. */
    public long inode(long nodeId) {
        return nodeId == ROOT_ID ? root : nodeId;
    }

    /** The node id the kernel knows {@code inode} by. */
    public long nodeId(long inode) {
        return inode == root ? ROOT_ID : inode;
    }

    /** Drops the kernel's cached attributes of {@code inode} (its data cache stays). */
    public void forgetAttributes(long inode) {
        Pointer ch = channel;
        if (ch != null) {
            lib.fuse_lowlevel_notify_inval_inode(ch, nodeId(inode), -1, 0);
        }
    }

    /**
     * Drops the kernel's cached listing of directory {@code inode} (its pages) and its attributes:
     * the next readdir of it comes to this mount.
     */
    public void forgetListing(long inode) {
        Pointer ch = channel;
        if (ch != null) {
            lib.fuse_lowlevel_notify_inval_inode(ch, nodeId(inode), 0, 0);
        }
    }

    void channel(Pointer ch) {
        this.channel = ch;
    }

    LibFuse2 lib() {
        return lib;
    }

    double attrTimeout() {
        return attrTimeout;
    }

    double entryTimeout() {
        return entryTimeout;
    }

    ProcGroups groups() {
        return groups;
    }
}
