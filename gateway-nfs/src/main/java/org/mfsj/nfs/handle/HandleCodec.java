package org.mfsj.nfs.handle;

import java.nio.ByteBuffer;

/**
 * File handles as bytes: {@code "MJ" version:u8 kind:u8 fsid:u64 export:u32 inode:u64 generation:u32}.
 * Nothing in a handle depends on the gateway process, so any instance of any age decodes any
 * handle; the layout is versioned so a later one can be told apart.
 */
public final class HandleCodec {
    public static final int LENGTH = 28;
    private static final short MAGIC = 0x4d4a;
    private static final byte VERSION = 1;
    private static final byte KIND_INODE = 1;

    private HandleCodec() {
    }

    public static byte[] encode(NfsHandle h) {
        return ByteBuffer.allocate(LENGTH).putShort(MAGIC).put(VERSION).put(KIND_INODE)
                .putLong(h.fsid()).putInt(h.exportId()).putLong(h.inode()).putInt(h.generation()).array();
    }

    /** The handle, or null when the bytes are not a handle this gateway ever made (BADHANDLE). */
    public static NfsHandle decode(byte[] b) {
        if (b.length != LENGTH) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        if (in.getShort() != MAGIC || in.get() != VERSION || in.get() != KIND_INODE) {
            return null;
        }
        long fsid = in.getLong();
        int export = in.getInt();
        long inode = in.getLong();
        int gen = in.getInt();
        return inode <= 0 ? null : new NfsHandle(fsid, export, inode, gen);
    }
}
