package org.mfsj.nfs.v4.state;

/**
 * One open: who opened which file for what (share access and deny bits) under which stateid.
 * Mutable only under the state table's lock.
 */
public final class OpenState {
    final long clientId;
    final StateId.Key owner;
    final long inode;
    int access;
    int deny;
    StateId stateid;
    /** NFSv4.0: a new open owner's first open waits for OPEN_CONFIRM. */
    boolean confirmed = true;

    OpenState(long clientId, StateId.Key owner, long inode, int access, int deny, StateId stateid) {
        this.clientId = clientId;
        this.owner = owner;
        this.inode = inode;
        this.access = access;
        this.deny = deny;
        this.stateid = stateid;
    }

    public StateId stateid() {
        return stateid;
    }

    public long inode() {
        return inode;
    }

    public int access() {
        return access;
    }

    public int deny() {
        return deny;
    }
}
