package org.mfsj.fuse;

import java.time.Duration;

/**
 * How long this mount trusts what it learned. The same timeouts are handed to the kernel, which
 * keeps its own copies for as long.
 *
 * @param attrTimeout  attributes of an inode, in this mount's cache and in the kernel's (every
 *                     name of a hard-linked file is one kernel inode, so they cannot disagree)
 * @param entryTimeout a name's inode, in the kernel's dentry cache
 * @param dirEntryTimeout a name's inode in this mount's name cache (fed by lookups and listings)
 * @param readdirPage  entries asked of the master per readdir request
 */
public record CacheSettings(Duration attrTimeout, Duration entryTimeout, Duration dirEntryTimeout, int readdirPage) {
    public static final CacheSettings DEFAULTS = new CacheSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1000);
    public static final int MAX_CACHED = 1 << 20;

    public CacheSettings {
        if (attrTimeout.isNegative() || entryTimeout.isNegative() || dirEntryTimeout.isNegative()) {
            throw new IllegalArgumentException("cache timeouts must not be negative");
        }
        if (readdirPage < 1) {
            throw new IllegalArgumentException("readdirPage must be at least 1");
        }
    }
}
