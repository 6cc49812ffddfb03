package org.mfsj.nfs.fs;

/** A file handle that cannot be used: never ours (bad) or naming what no longer exists (stale). */
public final class HandleException extends Exception {
    private final boolean stale;

    public HandleException(boolean stale, String detail) {
        super(detail, null, false, false);
        this.stale = stale;
    }

    public boolean isStale() {
        return stale;
    }
}
