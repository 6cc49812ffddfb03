package org.mfsj.nfs.fs;

import org.mfsj.common.types.Attr;
import org.mfsj.nfs.exports.Export;

/** A file a handle named: the export it was reached through and its current attributes. */
public record Node(Export export, Attr attr) {
    public long inode() {
        return attr.inode();
    }
}
