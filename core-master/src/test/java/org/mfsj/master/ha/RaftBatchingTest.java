package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.master2follower.AppendEntries;

/** How often the leader and its followers talk under a stream of changes, and why that is enough. */
class RaftBatchingTest {
    @Test
    void changesAppendedDuringTheLeadersForceGoOutTogetherWhenItEnds() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        int before = appendsWithEntries(g).size();
        leader.write("a");
        assertThat(appendsWithEntries(g)).as("the first change goes at once").hasSize(before + 2);
        leader.write("b");
        leader.write("c");
        leader.write("d");
        assertThat(appendsWithEntries(g)).as("while the leader forces a, nothing more leaves").hasSize(before + 2);
        leader.log.durable = leader.log.entries.size();
        leader.core.onLocalDurable();
        List<AppendEntries> sent = appendsWithEntries(g);
        assertThat(sent).hasSize(before + 4);
        assertThat(sent.subList(before + 2, before + 4)).allSatisfy(a -> assertThat(a.entries()).hasSize(3));
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(leader.log.committed).isEqualTo(leader.log.lastVersion());
    }

    @Test
    void aFollowerWhoseForceIsSlowStillAnswersEachHeartbeatPeriodSoTheLeaderKeepsLeading() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[2] = true;
        RaftGroup.Node follower = g.node(1);
        long durable = follower.log.durable;
        // 6 s of changes, so every message carries entries (the heartbeats too, with those waiting
        // for the leader's force); the follower's disk never completes a force in that time
        for (int i = 0; i < 120; i++) {
            leader.write("change " + i);
            leader.write("more " + i);
            g.advance(50);
            leader.log.durable = leader.log.entries.size();
            leader.core.onLocalDurable();
            g.deliver();
            assertThat(leader.core.heardWithin(0, 250)).as("heard the follower lately, at " + i * 50 + " ms").isTrue();
        }
        assertThat(follower.log.durable).isEqualTo(durable);
        assertThat(leader.stepDowns).as("the leader heard its follower throughout").isEmpty();
        assertThat(leader.core.leaseValid()).isTrue();
        assertThat(leader.log.committed).as("nothing more commits without a second durable copy")
                .isLessThan(leader.log.lastVersion());
    }

    private static List<AppendEntries> appendsWithEntries(RaftGroup g) {
        return g.sent.stream().filter(p -> p.from() == 0 && p.m() instanceof AppendEntries a
                && !a.entries().isEmpty()).map(p -> (AppendEntries) p.m()).toList();
    }
}
