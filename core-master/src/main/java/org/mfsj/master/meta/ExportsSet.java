package org.mfsj.master.meta;

/**
 * The cluster's exports (mfsexports.cfg) from now on: replicated through the changelog like any
 * change, so every master admits the same clients whichever of them leads, and nobody copies the
 * file between masters by hand. {@code editedMillis} is when the file it came from was last
 * changed, which decides whose file wins when masters' files differ (the newer edit); {@code
 * origin} names the file and the master that read it, for logs and refusals.
 */
public record ExportsSet(String text, long editedMillis, String origin) implements MetaRecord {
    /** Most bytes of exports text a record carries (a file of thousands of lines fits). */
    public static final int MAX_BYTES = 256 << 10;
}
