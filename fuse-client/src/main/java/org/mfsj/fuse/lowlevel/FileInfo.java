package org.mfsj.fuse.lowlevel;

import jnr.ffi.Pointer;

/**
 * libfuse 2.9's struct fuse_file_info (40 bytes on x86_64): int flags at 0, unsigned long fh_old
 * at 8, int writepage at 16, the bit-field word at 20 (direct_io is bit 0, keep_cache bit 1,
 * flock_release bit 4), uint64_t fh at 24 and lock_owner at 32. Offsets and bits were measured
 * with the C header; LowLevelLayoutTest holds them against jnr-fuse's FuseFileInfo.
 */
public final class FileInfo {
    static final int FLAGS = 0;
    static final int BITS = 20;
    static final int FH = 24;
    static final int LOCK_OWNER = 32;
    static final int FLOCK_RELEASE = 1 << 4;

    private final Pointer p;

    private FileInfo(Pointer p) {
        this.p = p;
    }

    /** The struct behind {@code p}, or null when libfuse passed none. */
    public static FileInfo of(Pointer p) {
        return p == null || p.address() == 0 ? null : new FileInfo(p);
    }

    public int flags() {
        return p.getInt(FLAGS);
    }

    public long fh() {
        return p.getLong(FH);
    }

    public void fh(long fh) {
        p.putLong(FH, fh);
    }

    public long lockOwner() {
        return p.getLong(LOCK_OWNER);
    }

    /** Set on the release of a file that held a flock(2) lock: the lock goes with it. */
    public boolean flockRelease() {
        return (p.getInt(BITS) & FLOCK_RELEASE) != 0;
    }

    Pointer pointer() {
        return p;
    }
}
