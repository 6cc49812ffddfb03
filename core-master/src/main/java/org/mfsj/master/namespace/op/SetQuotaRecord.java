package org.mfsj.master.namespace.op;

/** Sets the quota limits of directory {@code inode} (0 = no limit); all four 0 removes its quota. */
public record SetQuotaRecord(long inode, long softBytes, long hardBytes, long softInodes, long hardInodes)
        implements NamespaceRecord {
}
