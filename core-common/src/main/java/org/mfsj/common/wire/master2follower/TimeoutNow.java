package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Leader to the follower it hands leadership to (Raft's leadership transfer): it holds every entry
 * the leader has, so it stands for election now instead of waiting for its timeout.
 */
public record TimeoutNow(int msgId, long term, long leader) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(leader);
    }

    public static TimeoutNow decode(int msgId, WireReader r) {
        return new TimeoutNow(msgId, r.u64(), r.u64());
    }
}
