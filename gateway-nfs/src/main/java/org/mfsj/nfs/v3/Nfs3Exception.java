package org.mfsj.nfs.v3;

/** A procedure's failure with its NFS3ERR_* status, for the one central catch in {@link Nfs3Program}. */
public final class Nfs3Exception extends Exception {
    private final int status;

    public Nfs3Exception(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
