package org.mfsj.master.namespace.op;

import java.util.Arrays;

/**
 * A finished file put in place as one change: its mtime and one extended attribute set, then
 * moved from {@code srcName} in {@code srcParent} to {@code dstName} in {@code dstParent},
 * replacing {@code replaced} there (0 if the name was free). The value is copied in and out.
 */
public record PublishRecord(long srcParent, String srcName, long dstParent, String dstName, long inode,
        long replaced, String xattrName, byte[] xattrValue, long mtimeNanos, long timeNanos)
        implements NamespaceRecord {
    public PublishRecord {
        xattrValue = xattrValue.clone();
    }

    @Override
    public byte[] xattrValue() {
        return xattrValue.clone();
    }

    RenameRecord rename() {
        return new RenameRecord(srcParent, srcName, dstParent, dstName, inode, replaced, timeNanos);
    }

    SetXattrRecord xattr() {
        return new SetXattrRecord(inode, xattrName, xattrValue, timeNanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishRecord r && r.rename().equals(rename()) && r.xattrName.equals(xattrName)
                && Arrays.equals(r.xattrValue, xattrValue) && r.mtimeNanos == mtimeNanos;
    }

    @Override
    public int hashCode() {
        return rename().hashCode() * 31 + Arrays.hashCode(xattrValue);
    }

    @Override
    public String toString() {
        return "PublishRecord[" + rename() + ", xattr=" + xattrName + " (" + xattrValue.length + " bytes), mtimeNanos="
                + mtimeNanos + "]";
    }
}
