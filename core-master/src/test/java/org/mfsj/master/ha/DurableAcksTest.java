package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.RequestVote;

class DurableAcksTest {
    /** Node 1 after it appended a change from leader 0 (not durable yet), nothing in flight. */
    private static RaftGroup.Node holdingAChange(RaftGroup g) {
        g.awaitLeader(1000).write("mkdir a");
        g.deliver();
        g.wire.clear();
        return g.node(1);
    }
    @Test
    void aFollowerAcknowledgesFromTheChangelogThreadWithoutTheMasterThread() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[2] = true;
        leader.write("mkdir a");
        g.deliver();
        leader.log.durable = 2;
        leader.core.onLocalDurable();
        assertThat(leader.log.committed).isEqualTo(1);

        RaftGroup.Node follower = g.node(1);
        follower.log.durable = 2;
        // only the changelog thread's report: no onLocalDurable on the follower's master thread
        follower.core.durableAcks().durable(2);
        g.deliver();
        assertThat(leader.log.committed).isEqualTo(2);
    }

    @Test
    void anAcknowledgementNeverPassesWhatMatchesTheLeaderNorRepeatsItself() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node follower = holdingAChange(g);

        follower.core.durableAcks().durable(50);
        follower.core.durableAcks().durable(60);
        List<AppendReply> acks = g.wire.stream().map(p -> (AppendReply) p.m()).toList();
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).success()).isTrue();
        assertThat(acks.get(0).matchVersion()).isEqualTo(2);
        assertThat(acks.get(0).term()).isEqualTo(1);
    }

    @Test
    void noAcknowledgementLeavesOnceTheFollowerMovedToAHigherTerm() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node follower = holdingAChange(g);

        g.advance(RaftGroup.TIMING.electionMin().toMillis());
        g.wire.clear();
        follower.core.onRequestVote(new RequestVote(0, 5, 3, 9, 4, false));
        assertThat(follower.core.term()).isEqualTo(5);
        follower.core.durableAcks().durable(2);
        assertThat(g.wire).isEmpty();
    }

    @Test
    void noAcknowledgementLeavesUnderTheOldTermOnceTheFollowerStands() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node follower = holdingAChange(g);

        follower.core.startElection(false);
        follower.core.durableAcks().durable(2);
        assertThat(g.wire).allSatisfy(p -> assertThat(p.m()).isInstanceOf(RequestVote.class));
    }
}
