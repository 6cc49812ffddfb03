package org.mfsj.master.ha;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.ChangeVotersReply;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.common.wire.client2master.TransferLeader;
import org.mfsj.common.wire.client2master.TransferLeaderReply;

/**
 * The calls about the group of masters that any master answers, leader or not, with no session:
 * its role, a leadership hand-over, and how many reads it served as a follower. Called on the
 * master thread.
 */
public interface GroupCalls {
    MasterRoleReply role(int msgId);

    /** Answers {@code t} on {@code from}, now or once the hand-over is under way or has failed. */
    void transfer(Peer from, TransferLeader t);

    long readsServed();

    /** Answers {@code c} on {@code from}, now or once the change of voters is committed or has failed. */
    void changeVoters(Peer from, ChangeVoters c);

    /** A master with no peers: it always leads, hands nothing over and serves no read sessions. */
    static GroupCalls single(java.util.function.LongSupplier version) {
        return new GroupCalls() {
            @Override
            public MasterRoleReply role(int msgId) {
                long v = version.getAsLong();
                return new MasterRoleReply(msgId, Status.OK, "single", 0, v, v, "");
            }

            @Override
            public void transfer(Peer from, TransferLeader t) {
                from.send(new TransferLeaderReply(t.msgId(), Status.EINVAL, "", "this master runs alone (no"
                        + " SLA_SYNC_WORKER_HOST_1 or SYNC_WORKER_HOST_N peers): there is no other master to hand"
                        + " leadership to"));
            }

            @Override
            public long readsServed() {
                return 0;
            }

            @Override
            public void changeVoters(Peer from, ChangeVoters c) {
                from.send(new ChangeVotersReply(c.msgId(), Status.EINVAL, "", "this master runs alone (no"
                        + " SLA_SYNC_WORKER_HOST_1 or SYNC_WORKER_HOST_N peers): start it with its peers named to"
                        + " make a group, then add masters to it"));
            }
        };
    }
}
