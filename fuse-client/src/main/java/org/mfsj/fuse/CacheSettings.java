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
 * @param negEntryTimeout how long a name is known absent from a directory whose names this mount
 *                     knows (one it made or listed whole): no lookup goes to the master for it then,
 *                     so a file another mount makes there may stay unseen that long (MooseFS's
 *                     mfsnegentrycacheto; 0, the default, keeps close-to-open for new names)
 * @param readdirPage  entries asked of the master per readdir request
 */
public record CacheSettings(Duration attrTimeout, Duration entryTimeout, Duration dirEntryTimeout,
                            Duration negEntryTimeout, int readdirPage) {
    /**
     * Entries per master readdir request: the master's own bound, so a directory of up to 10,000
     * names is listed in one round trip (in pages of 1,000 each of ten cost about a third more).
     */
    public static final int READDIR_PAGE = 10_000;
    public static final CacheSettings DEFAULTS = new CacheSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ZERO, READDIR_PAGE);
    public static final int MAX_CACHED = 1 << 20;

    public CacheSettings {
        if (attrTimeout.isNegative() || entryTimeout.isNegative() || dirEntryTimeout.isNegative()
                || negEntryTimeout.isNegative()) {
            throw new IllegalArgumentException("cache timeouts must not be negative");
        }
        if (readdirPage < 1) {
            throw new IllegalArgumentException("readdirPage must be at least 1");
        }
    }
}
