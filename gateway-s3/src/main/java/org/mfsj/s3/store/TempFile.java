package org.mfsj.s3.store;

import org.mfsj.common.types.Attr;

/** A file being written aside: its directory, name and attributes at creation. */
public record TempFile(long dir, String name, Attr attr) {
    public long inode() {
        return attr.inode();
    }
}
