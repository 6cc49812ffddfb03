package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A master's place in the group: its role ("leader", "follower", "candidate", or "single" with no
 * peers), its term (epoch), the version of its metadata, the version known committed, and where
 * clients reach the leader ("" when unknown).
 */
public record MasterRoleReply(int msgId, Status status, String role, long term, long version, long commitVersion,
        String leader) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code()).str(role).u64(term).u64(version).u64(commitVersion).str(leader);
    }

    public static MasterRoleReply decode(int msgId, WireReader r) {
        return new MasterRoleReply(msgId, TypeCodecs.status(r), r.str(), r.u64(), r.u64(), r.u64(), r.str());
    }
}
