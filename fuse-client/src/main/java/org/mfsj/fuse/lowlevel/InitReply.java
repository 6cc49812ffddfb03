package org.mfsj.fuse.lowlevel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The FUSE_INIT exchange as libfuse 2 cannot do it: libfuse 2.9 speaks protocol 7.19, which has no
 * way to ask for requests larger than 32 pages (128 KiB), so every megabyte a program writes or
 * reads crosses the kernel and the mount in eight requests. Kernels since 4.20 (protocol 7.28)
 * take a larger request size in the INIT answer: the FUSE_MAX_PAGES flag and a max_pages field.
 * This class widens libfuse's answer to the current fuse_init_out layout and adds both, when the
 * kernel offered the flag; everything else libfuse decided is left as it was. When the kernel also
 * offers FUSE_HANDLE_KILLPRIV_V2 (5.11 on; every kernel that does offers FUSE_MAX_PAGES), it is
 * taken too. Byte layouts are
 * those of the kernel's include/uapi/linux/fuse.h (little-endian on every Linux FUSE runs on
 * here).
 */
final class InitReply {
    /** fuse_opcode FUSE_INIT. */
    static final int FUSE_INIT = 26;
    /** The 7.28 capability: the answer's max_pages is the request size in pages. */
    static final int FUSE_MAX_PAGES = 1 << 22;
    /**
     * The 7.33 capability: the mount drops setuid/setgid itself, on the flags the kernel then sets
     * on writes and setattrs ({@link SetIdKill}); in return the kernel marks the superblock
     * SB_NOSEC and stops asking getxattr("security.capability") before every write(2) once a file
     * was found without it.
     */
    static final int FUSE_HANDLE_KILLPRIV_V2 = 1 << 28;
    /** Requests up to 1 MiB, as libfuse 3 asks for (256 pages is also the kernel's default limit). */
    static final int MAX_PAGES = 256;
    static final int PAGE = 4096;
    static final int MAX_REQUEST = MAX_PAGES * PAGE;
    /**
     * A request buffer that holds the largest write and its headers: libfuse 3's size (pages plus
     * one page for headers), plus one page because libfuse 2 caps max_write at the buffer less a page.
     */
    static final int REQUEST_BUFFER = MAX_REQUEST + 2 * PAGE;

    /** fuse_in_header: len, opcode, unique, nodeid, uid, gid, pid, padding. */
    static final int IN_HEADER = 40;
    static final int IN_OPCODE = 4;
    /** fuse_init_in after the header: major, minor, max_readahead, flags. */
    static final int INIT_IN_FLAGS = IN_HEADER + 12;
    /** fuse_out_header: len, error, unique. */
    static final int OUT_HEADER = 16;
    static final int OUT_LEN = 0;
    static final int OUT_ERROR = 4;
    /** fuse_init_out since 7.23: 64 bytes; flags at 12, max_write at 20, max_pages (u16) at 28. */
    static final int INIT_OUT_SIZE = 64;
    static final int INIT_OUT_FLAGS = 12;
    static final int INIT_OUT_MAX_WRITE = 20;
    static final int INIT_OUT_MAX_PAGES = 28;

    private InitReply() {
    }

    /** The kernel's offered capability flags, from an INIT request of {@code len} bytes; 0 when too short. */
    static int offeredFlags(ByteBuffer request, int len) {
        if (len < INIT_IN_FLAGS + 4) {
            return 0;
        }
        return request.order(ByteOrder.LITTLE_ENDIAN).getInt(INIT_IN_FLAGS);
    }

    /**
     * libfuse's INIT answer {@code reply} (out header and fuse_init_out as libfuse sized it) as it
     * goes to the kernel: unchanged when it is an error or the kernel did not offer
     * FUSE_MAX_PAGES; otherwise padded to the 64-byte fuse_init_out with FUSE_MAX_PAGES set and
     * max_pages covering libfuse's max_write, at most {@link #MAX_PAGES}, and
     * FUSE_HANDLE_KILLPRIV_V2 set when offered.
     */
    static byte[] widen(byte[] reply, int offeredFlags) {
        ByteBuffer in = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        if (reply.length < OUT_HEADER + INIT_OUT_MAX_WRITE + 4 || in.getInt(OUT_ERROR) != 0
                || (offeredFlags & FUSE_MAX_PAGES) == 0) {
            return reply;
        }
        int size = Math.max(reply.length, OUT_HEADER + INIT_OUT_SIZE);
        byte[] out = new byte[size];
        System.arraycopy(reply, 0, out, 0, reply.length);
        ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(OUT_LEN, size);
        int flags = o.getInt(OUT_HEADER + INIT_OUT_FLAGS);
        o.putInt(OUT_HEADER + INIT_OUT_FLAGS, flags | FUSE_MAX_PAGES | offeredFlags & FUSE_HANDLE_KILLPRIV_V2);
        long maxWrite = Integer.toUnsignedLong(o.getInt(OUT_HEADER + INIT_OUT_MAX_WRITE));
        int pages = (int) Math.max(1, Math.min(MAX_PAGES, (maxWrite + PAGE - 1) / PAGE));
        o.putShort(OUT_HEADER + INIT_OUT_MAX_PAGES, (short) pages);
        return out;
    }
}
