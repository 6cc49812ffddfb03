package org.mfsj.nfs.v4;

/**
 * An operation's failure with its NFS4ERR_* status; the COMPOUND stops there. A few failures carry
 * a body of their own (LOCK's DENIED names the lock in the way).
 */
public final class Nfs4Exception extends Exception {
    private final int status;
    private final transient OpBody body;

    public Nfs4Exception(int status, String detail) {
        this(status, detail, null);
    }

    public Nfs4Exception(int status, String detail, OpBody body) {
        super(detail, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The failure body, or null for the operation's usual one. */
    public OpBody body() {
        return body;
    }
}
