package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A lease on the names of directory {@code dir}: while this connection holds it, the master sends
 * a {@link DirLeaseRecall} before it answers any other connection's change of those names, and
 * answers that change only once this one gave the lease back (or the lease's time ran out), so a
 * client that knows every name of the directory may answer "no such file" itself. Answered with a
 * {@link StatusReply}: OK granted (or given back), EAGAIN not granted.
 */
public record DirLease(int msgId, long dir, Op op) implements Message {
    /** What the client asks. Wire codes are stable. */
    public enum Op {
        /** A new lease, granted only while {@code dir} has no names (right after the client made it). */
        EMPTY(1),
        /** Keep the lease this connection holds, granted only if the master did not recall it. */
        RENEW(2),
        /** This connection forgot what it knew of the names: the answer to a recall, or a lease let go. */
        GIVE_BACK(3);

        private final int code;

        Op(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Op of(int code) {
            for (Op o : values()) {
                if (o.code == code) {
                    return o;
                }
            }
            throw new MalformedMessageException("unknown directory lease operation " + code);
        }
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(dir);
        w.u8(op.code());
    }

    public static DirLease decode(int msgId, WireReader r) {
        long dir = r.u64();
        return new DirLease(msgId, dir, Op.of(r.u8()));
    }
}
