package org.mfsj.nfs.v4.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockType;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;

/** Byte ranges and lock types between NFSv4 (offset, length, nfs_lock_type4) and the master's locks. */
public final class LockRange4 {
    private static final int READ_LT = 1;
    private static final int WRITE_LT = 2;
    private static final int READW_LT = 3;

    private LockRange4() {
    }

    public static LockType type(int locktype) throws Nfs4Exception {
        return switch (locktype) {
            case READ_LT, READW_LT -> LockType.READ;
            case WRITE_LT, 4 -> LockType.WRITE;
            default -> throw new Nfs4Exception(Nfs4.ERR_INVAL, "lock type " + locktype);
        };
    }

    /** The last byte of the range; all ones as length means to the end of the file. */
    public static long end(long offset, long length) throws Nfs4Exception {
        if (length == 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "lock of length 0");
        }
        if (length == -1L) {
            return HeldLock.TO_EOF;
        }
        long end = offset + length - 1;
        if (offset < 0 || end < offset) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "lock range beyond 2^63");
        }
        return end;
    }

    /** LOCK4denied: the lock in the way; its owner is named by the master's number for it. */
    public static void encodeDenied(XdrEncodingStream out, HeldLock held) {
        out.xdrEncodeLong(held.start());
        out.xdrEncodeLong(held.end() == HeldLock.TO_EOF ? -1L : held.end() - held.start() + 1);
        out.xdrEncodeInt(held.type() == LockType.WRITE ? WRITE_LT : READ_LT);
        out.xdrEncodeLong(0);
        out.xdrEncodeDynamicOpaque(Long.toString(held.owner().owner()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
