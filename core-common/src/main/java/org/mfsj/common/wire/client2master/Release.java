package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Ends one {@link Open} of this session. A release whose answer was lost is sent again with the
 * same request id, and the master ends the open once: a second release would end an open the
 * session made since (or the last one, and a file without names would go while still open).
 */
public record Release(int msgId, long inode, long reqId) implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(reqId);
        w.u64(inode);
    }

    public static Release decode(int msgId, WireReader r) {
        long reqId = r.u64();
        return new Release(msgId, r.u64(), reqId);
    }
}
