package org.mfsj.fuse.handles;

import org.mfsj.client.FileHandle;
import org.mfsj.common.types.Creds;

/** One open(2) of a regular file: the client's handle and whether it may write. */
public record OpenFile(FileHandle file, Creds opener, boolean writable) {
    public long inode() {
        return file.inode();
    }
}
