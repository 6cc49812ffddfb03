package org.mfsj.nfs.fs;

import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * POSIX permission bits as the gateway checks them itself. The master checks namespace changes;
 * reads and writes go through files the gateway keeps open once for all callers, so their access
 * is decided here, as a kernel NFS server does.
 */
public final class Permissions {
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXEC = 1;

    private Permissions() {
    }

    /** Whether {@code c} has every bit of {@code want} (READ, WRITE, EXEC) on {@code a}. */
    public static boolean allows(Attr a, Creds c, int want) {
        if (c.isRoot()) {
            // root passes everything but execute, which needs some x bit (or a directory)
            return (want & EXEC) == 0 || a.isDirectory() || (a.mode() & 0111) != 0;
        }
        int bits;
        if (c.uid() == a.uid()) {
            bits = a.mode() >> 6;
        } else if (c.inGroup(a.gid())) {
            bits = a.mode() >> 3;
        } else {
            bits = a.mode();
        }
        return (bits & want & 7) == want;
    }

    /**
     * Data access on an open file: the owner may always read and write (a file created 0444 must
     * take the data its creator writes, as with a local open), anyone else needs the bits.
     * Reading also passes with the execute bit, since executables are paged in through READ.
     */
    public static boolean allowsIo(Attr a, Creds c, boolean write) {
        if (c.isRoot() || c.uid() == a.uid()) {
            return true;
        }
        return write ? allows(a, c, WRITE) : allows(a, c, READ) || allows(a, c, EXEC);
    }
}
