package org.mfsj.master.namespace.tree;

import java.nio.charset.StandardCharsets;
import org.mfsj.common.types.FileType;

/** A symbolic link; its length is the target's size in bytes, as POSIX stat reports it. */
public final class SymlinkNode extends Inode {
    private final String target;
    private final int targetBytes;

    public SymlinkNode(long id, String target, int uid, int gid, int goal, long nowNanos) {
        super(id, 0777, uid, gid, goal, nowNanos);
        this.target = target;
        this.targetBytes = target.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public FileType type() {
        return FileType.SYMLINK;
    }

    @Override
    public long length() {
        return targetBytes;
    }

    public String target() {
        return target;
    }
}
