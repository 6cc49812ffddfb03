package org.mfsj.nfs.fs;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * Access to data and the rights ACCESS reports. The master checks namespace changes; reads and
 * writes go through files the gateway keeps open once for all callers, so their access is decided
 * here, as a kernel NFS server does. Root and the owner are decided from the mode bits, which are
 * exact for them (an ACL's owner entry is the owner bits); anyone else may be named by a POSIX
 * ACL, which only the master reads, so the master is asked.
 */
public final class Permissions {
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXEC = 1;

    private Permissions() {
    }

    /** Whether {@code c} has every bit of {@code want} (READ, WRITE, EXEC) on {@code a}. */
    public static boolean allows(MfsClient client, Attr a, Creds c, int want) throws MfsException {
        if (c.isRoot()) {
            // root passes everything but execute, which needs some x bit (or a directory)
            return (want & EXEC) == 0 || a.isDirectory() || (a.mode() & 0111) != 0;
        }
        if (c.uid() == a.uid()) {
            return ((a.mode() >> 6) & want & 7) == want;
        }
        try {
            client.access(c, a.inode(), want);
            return true;
        } catch (MfsException e) {
            if (e.status() == Status.EACCES || e.status() == Status.EPERM) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Data access on an open file: the owner may always read and write (a file created 0444 must
     * take the data its creator writes, as with a local open), anyone else needs the rights.
     * Reading also passes with the execute right, since executables are paged in through READ.
     */
    public static boolean allowsIo(MfsClient client, Attr a, Creds c, boolean write) throws MfsException {
        if (c.isRoot() || c.uid() == a.uid()) {
            return true;
        }
        return write ? allows(client, a, c, WRITE) : allows(client, a, c, READ) || allows(client, a, c, EXEC);
    }
}
