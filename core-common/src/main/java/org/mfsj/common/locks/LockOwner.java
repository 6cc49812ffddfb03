package org.mfsj.common.locks;

/**
 * Who holds a lock: the client session (one mount, one gateway) and the owner inside it (a
 * FUSE lock owner, an NFS lock owner the gateway numbered). Two sessions never share an owner.
 */
public record LockOwner(long session, long owner) {
}
