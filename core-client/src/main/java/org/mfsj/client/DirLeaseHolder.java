package org.mfsj.client;

import org.mfsj.common.status.MfsException;

/**
 * Leases on directories' names (see the master's DirLease): while one is held, no other client's
 * change of the directory's names is answered before this client heard of it, so a caller that
 * knows every name there may answer "no such file" itself. The caller times each lease from just
 * before it asked, for {@link #LEASE_NANOS} at most, and drops it at a recall or when every lease
 * is lost (a new connection to the master).
 */
public interface DirLeaseHolder {
    /** How long a granted lease is trusted from the moment it was asked; the master waits longer for a give-back. */
    long LEASE_NANOS = 5_000_000_000L;

    /** No leases (a client that cannot hold them): never granted. */
    DirLeaseHolder NONE = new DirLeaseHolder() {
        @Override
        public boolean lease(long dir, boolean renew) {
            return false;
        }

        @Override
        public void onRecall(Recalls r) {
        }
    };

    /** Told of recalls, on a network thread: must not block. */
    interface Recalls {
        /** The lease on {@code dir} is gone; once this returns, the master is told it was given back. */
        void recalled(long dir);

        /** Every lease is gone (the connection to the master was lost). */
        void allLost();
    }

    /**
     * Asks for a lease on {@code dir}: a new one, granted only while the directory has no names
     * (right after this client made it), or ({@code renew}) more time on one held. True when granted.
     */
    boolean lease(long dir, boolean renew) throws MfsException;

    /** Where recalls go from now on. */
    void onRecall(Recalls r);
}
