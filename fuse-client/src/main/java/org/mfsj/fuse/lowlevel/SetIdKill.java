package org.mfsj.fuse.lowlevel;

import jnr.ffi.Pointer;

/**
 * Whether a request asks the mount to drop setuid/setgid, as the kernel asks once the mount took
 * FUSE_HANDLE_KILLPRIV_V2 ({@link InitReply}): a write or a truncate by a caller without
 * CAP_FSETID, or a chown of a file that is not a directory. libfuse 2 drops both flags (its
 * setattr keeps only the bits it knows, its write keeps only the writepage bit), so they are read
 * from the request before libfuse sees it. Byte layouts are those of include/uapi/linux/fuse.h.
 */
final class SetIdKill {
    static final int FUSE_SETATTR = 4;
    static final int FUSE_WRITE = 16;
    /** fuse_setattr_in.valid, the first field after the header. */
    static final int SETATTR_VALID = InitReply.IN_HEADER;
    static final int FATTR_KILL_SUIDGID = 1 << 11;
    /** fuse_write_in: fh, offset, size, then write_flags. */
    static final int WRITE_FLAGS = InitReply.IN_HEADER + 20;
    static final int FUSE_WRITE_KILL_SUIDGID = 1 << 2;

    private SetIdKill() {
    }

    /** Whether the request of {@code len} bytes at {@code buf} asks for setuid/setgid to go. */
    static boolean asked(Pointer buf, int len) {
        int opcode = buf.getInt(InitReply.IN_OPCODE);
        if (opcode == FUSE_WRITE) {
            return len >= WRITE_FLAGS + 4 && (buf.getInt(WRITE_FLAGS) & FUSE_WRITE_KILL_SUIDGID) != 0;
        }
        if (opcode == FUSE_SETATTR) {
            return len >= SETATTR_VALID + 4 && (buf.getInt(SETATTR_VALID) & FATTR_KILL_SUIDGID) != 0;
        }
        return false;
    }
}
