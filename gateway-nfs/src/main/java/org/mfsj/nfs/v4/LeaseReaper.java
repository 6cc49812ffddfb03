package org.mfsj.nfs.v4;

import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.v4.state.LockState;
import org.mfsj.nfs.v4.state.Nfs4State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run every second: drops NFSv4 clients whose lease ran out and releases at the master the locks
 * of every dropped client. The master holds those locks for this gateway's session, which lives
 * on, so without this a client that vanished would keep its locks for as long as the gateway runs.
 */
public final class LeaseReaper implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

    private final Nfs4State state;
    private final MfsClient client;

    public LeaseReaper(Nfs4State state, MfsClient client) {
        this.state = state;
        this.client = client;
    }

    @Override
    public void run() {
        int expired = state.expire();
        if (expired > 0) {
            LOG.info("{} NFSv4 client(s) dropped: their lease ran out", expired);
        }
        for (LockState l : state.takeOrphanedLocks()) {
            try {
                client.releaseLocks(l.inode(), LockFlavor.POSIX, l.ownerNumber());
                LOG.info("released the locks of NFSv4 client {} (lock owner {}) on inode {}: the client is gone",
                        Long.toHexString(l.clientId()), l.ownerNumber(), l.inode());
            } catch (MfsException | RuntimeException e) {
                // a scheduled task that throws is never run again: log and go on
                LOG.warn("locks of NFSv4 client {} (lock owner {}) on inode {} not released: {}; the master drops "
                        + "them with this gateway's session", Long.toHexString(l.clientId()), l.ownerNumber(),
                        l.inode(), e.getMessage());
            }
        }
    }
}
