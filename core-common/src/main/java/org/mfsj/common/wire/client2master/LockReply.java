package org.mfsj.common.wire.client2master;

import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockOwner;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Outcome of a {@link LockCall}; with EAGAIN (and for TEST) the lock in the way, if any. */
public record LockReply(int msgId, Status status, HeldLock conflict) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.bool(conflict != null);
        if (conflict != null) {
            w.u8(conflict.type().code());
            w.u64(conflict.start());
            w.u64(conflict.end());
            w.u64(conflict.owner().session());
            w.u64(conflict.owner().owner());
            w.u32(conflict.pid());
        }
    }

    public static LockReply decode(int msgId, WireReader r) {
        Status status = TypeCodecs.status(r);
        if (!r.bool()) {
            return new LockReply(msgId, status, null);
        }
        try {
            LockType type = LockType.fromCode(r.u8());
            return new LockReply(msgId, status,
                    new HeldLock(type, r.u64(), r.u64(), new LockOwner(r.u64(), r.u64()), r.u32()));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }
}
