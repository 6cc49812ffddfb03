package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A follower's answer: its term; on success, the version up to which its log matches the
 * leader's and is durable; on failure, its last version, so the leader knows where to resume.
 */
public record AppendReply(int msgId, long term, long follower, boolean success, long matchVersion,
        long lastVersion) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(follower).bool(success).u64(matchVersion).u64(lastVersion);
    }

    public static AppendReply decode(int msgId, WireReader r) {
        return new AppendReply(msgId, r.u64(), r.u64(), r.bool(), r.u64(), r.u64());
    }
}
