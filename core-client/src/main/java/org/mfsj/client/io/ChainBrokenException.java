package org.mfsj.client.io;

import org.mfsj.common.status.Status;

/**
 * A chunk write that failed on the way to or inside its chain (a server died, a CRC or version
 * mismatch, no servers available just now): the data is still buffered and the write is redone on
 * a new chain. Distinct from an MfsException from the master, which is final.
 */
final class ChainBrokenException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Status status;

    ChainBrokenException(Status status, String detail) {
        super(status.name() + ": " + detail);
        this.status = status;
    }

    Status status() {
        return status;
    }
}
