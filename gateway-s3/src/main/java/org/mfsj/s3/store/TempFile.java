package org.mfsj.s3.store;

import org.mfsj.client.FileHandle;

/** A file being written aside: its directory, name, and the handle it is written through. */
public record TempFile(long dir, String name, FileHandle handle) {
    public long inode() {
        return handle.inode();
    }
}
