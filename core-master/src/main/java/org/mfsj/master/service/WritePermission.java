package org.mfsj.master.service;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.Namespace;

/**
 * Who may open a file's chunks for writing. Opens are checked too, but a handle may outlive a
 * chmod, so the check runs again at every WriteChunk. The owner always may: a program that creates a file read-only and
 * writes it through the descriptor creat() returned (git does this with its objects) must
 * work, and the master cannot tell that write from a later one. Others need the w bit of their
 * class or an ACL entry granting it; root always may.
 */
final class WritePermission {
    private static final int W = 2;

    private WritePermission() {
    }

    static void check(Namespace ns, Creds c, Attr a) throws MfsException {
        if (c.isRoot() || c.uid() == a.uid()) {
            return;
        }
        // the w bit of the caller's class, or what the file's ACL grants
        ns.checkAccess(c, a.inode(), W);
    }
}
