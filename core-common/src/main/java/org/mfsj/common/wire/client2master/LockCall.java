package org.mfsj.common.wire.client2master;

import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A lock request of the caller's session for one of its lock owners. Bytes {@code start..end}
 * inclusive, {@code end = Long.MAX_VALUE} meaning to end of file.
 */
public record LockCall(int msgId, long inode, LockOp op, LockFlavor flavor, LockType type, long start, long end,
        long owner, int pid) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
        w.u8(op.code());
        w.u8(flavor.code());
        w.u8(type.code());
        w.u64(start);
        w.u64(end);
        w.u64(owner);
        w.u32(pid);
    }

    public static LockCall decode(int msgId, WireReader r) {
        long inode = r.u64();
        int op = r.u8();
        int flavor = r.u8();
        int type = r.u8();
        try {
            return new LockCall(msgId, inode, LockOp.fromCode(op), LockFlavor.fromCode(flavor), LockType.fromCode(type),
                    r.u64(), r.u64(), r.u64(), r.u32());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }
}
