package org.mfsj.common.types;

/** A directory's quota: limits (0 = none) on bytes and inodes below it, and what is used now. */
public record QuotaInfo(long inode, long softBytes, long hardBytes, long softInodes, long hardInodes,
        long usedBytes, long usedInodes) {
    /** Over a soft limit: reported only (there is no grace period that turns it hard). */
    public boolean overSoft() {
        return (softBytes > 0 && usedBytes > softBytes) || (softInodes > 0 && usedInodes > softInodes);
    }
}
