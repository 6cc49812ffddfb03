package org.mfsj.nfs.v4.state;

/**
 * The byte-range locks one lock owner holds on one file, under their stateid. The locks
 * themselves are the master's, held for {@link #ownerNumber}, so every client of the cluster
 * sees them; this is only the NFSv4 bookkeeping around them.
 */
public final class LockState {
    final long clientId;
    final StateId.Key openKey;
    final long inode;
    final long ownerNumber;
    StateId stateid;

    LockState(long clientId, StateId.Key openKey, long inode, long ownerNumber, StateId stateid) {
        this.clientId = clientId;
        this.openKey = openKey;
        this.inode = inode;
        this.ownerNumber = ownerNumber;
        this.stateid = stateid;
    }

    public StateId stateid() {
        return stateid;
    }

    public long clientId() {
        return clientId;
    }

    public long inode() {
        return inode;
    }

    /** The owner number the master knows these locks by (per gateway session). */
    public long ownerNumber() {
        return ownerNumber;
    }
}
