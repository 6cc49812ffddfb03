package org.mfsj.master.service;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * Who may open a file's chunks for writing. There is no open call to the master, so the check
 * runs at every WriteChunk. The owner always may: a program that creates a file read-only and
 * writes it through the descriptor creat() returned (git does this with its objects) must
 * work, and the master cannot tell that write from a later one. Others need the w bit of their
 * class; root always may.
 */
final class WritePermission {
    private static final int W = 2;

    private WritePermission() {
    }

    static void check(Creds c, Attr a) throws MfsException {
        if (c.isRoot() || c.uid() == a.uid()) {
            return;
        }
        int bits = c.inGroup(a.gid()) ? a.mode() >> 3 : a.mode();
        if ((bits & W) == 0) {
            throw new MfsException(Status.EACCES, "uid " + c.uid() + " may not write inode " + a.inode());
        }
    }
}
