package org.mfsj.master.namespace.op;

import java.util.Arrays;

/** Sets one extended attribute. The value is copied in and out, so the record stays immutable. */
public record SetXattrRecord(long inode, String name, byte[] value, long timeNanos) implements NamespaceRecord {
    public SetXattrRecord {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetXattrRecord r && r.inode == inode && r.name.equals(name)
                && Arrays.equals(r.value, value) && r.timeNanos == timeNanos;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(inode) * 31 + name.hashCode()) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SetXattrRecord[inode=" + inode + ", name=" + name + ", value=" + value.length + " bytes, timeNanos="
                + timeNanos + "]";
    }
}
