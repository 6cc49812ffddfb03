package org.mfsj.nfs.v4;

/** An operation's failure with its NFS4ERR_* status; the COMPOUND stops there. */
public final class Nfs4Exception extends Exception {
    private final int status;

    public Nfs4Exception(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
