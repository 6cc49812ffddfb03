package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A master's place in the group: its role ("leader", "follower", "candidate", or "single" with no
 * peers), its term (epoch), the version of its metadata, the version known committed, and where
 * clients reach the leader ("" when unknown), and how a follower that is catching up is doing
 * ({@code catchUp}, e.g. "installing image ... 45%"; "" otherwise, and from masters that predate it),
 * and the voting masters as its log names them ({@code voters}: sync addresses, comma-separated; ""
 * from a single master and from masters that predate it).
 */
public record MasterRoleReply(int msgId, Status status, String role, long term, long version, long commitVersion,
        String leader, String catchUp, String voters) implements Reply {
    /** A master that is not catching up. */
    public MasterRoleReply(int msgId, Status status, String role, long term, long version, long commitVersion,
            String leader) {
        this(msgId, status, role, term, version, commitVersion, leader, "", "");
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code()).str(role).u64(term).u64(version).u64(commitVersion).str(leader).str(catchUp).str(voters);
    }

    public static MasterRoleReply decode(int msgId, WireReader r) {
        return new MasterRoleReply(msgId, TypeCodecs.status(r), r.str(), r.u64(), r.u64(), r.u64(), r.str(),
                r.remaining() > 0 ? r.str() : "", r.remaining() > 0 ? r.str() : "");
    }
}
