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
        int before = writeFirstChange(g, leader);
        leader.write("b");
        leader.write("c");
        leader.write("d");
        g.deliver();
        forced(g.node(1));
        forced(g.node(2));
        g.deliver();
        assertThat(appendsWithEntries(g)).as("while the leader forces a, nothing more leaves, though the followers"
                + " acknowledged a").hasSize(before + 2);
        forced(leader);
        assertThreeEntriesToEachFollower(g, before);
        assertAllCommit(g, leader);
    }

    @Test
    void changesMadeWhileAFollowersAppendIsUnacknowledgedGoToItInOneMessage() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        int before = writeFirstChange(g, leader);
        for (String change : List.of("b", "c", "d")) {
            leader.write(change);
            forced(leader);
        }
        assertThat(appendsWithEntries(g)).as("a is in flight to both followers: nothing more leaves")
                .hasSize(before + 2);
        g.deliver();
        g.sync();
        g.deliver();
        assertThreeEntriesToEachFollower(g, before);
        assertAllCommit(g, leader);
    }

    @Test
    void aFollowerFarBehindIsSentSeveralMessagesAheadOfItsAcknowledgements() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        for (int i = 0; i < 3 * AppendEntries.MAX_ENTRIES; i++) {
            leader.log.entries.add(new AppendEntries.Entry(leader.core.term(), new byte[] {1}));
        }
        leader.log.durable = leader.log.entries.size();
        leader.core.onAppended();
        // heartbeats, and no acknowledgement delivered in between
        for (int i = 0; i < 10; i++) {
            g.advance(50);
        }
        long toFollower = g.sent.stream().filter(p -> p.from() == 0 && p.to() == 1
                && p.m() instanceof AppendEntries a && a.entries().size() == AppendEntries.MAX_ENTRIES).count();
        assertThat(toFollower).as("every entry is on its way, a full message at a time").isEqualTo(3);
        assertAllCommit(g, leader);
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

    /** {@code node}'s force of everything in its log completed. */
    private static void forced(RaftGroup.Node node) {
        node.log.durable = node.log.entries.size();
        node.core.onLocalDurable();
    }

    /** The leader writes a, which goes at once to both followers; the appends with entries before it. */
    private static int writeFirstChange(RaftGroup g, RaftGroup.Node leader) {
        int before = appendsWithEntries(g).size();
        leader.write("a");
        assertThat(appendsWithEntries(g)).as("the first change goes at once").hasSize(before + 2);
        return before;
    }

    /** After the {@code before} appends and the two carrying the first change: one of b, c and d to each. */
    private static void assertThreeEntriesToEachFollower(RaftGroup g, int before) {
        List<AppendEntries> sent = appendsWithEntries(g);
        assertThat(sent).as("b, c and d go together to each follower").hasSize(before + 4);
        assertThat(sent.subList(before + 2, before + 4)).allSatisfy(a -> assertThat(a.entries()).hasSize(3));
    }

    /** Whatever is in flight arrives, every disk catches up: everything the leader holds commits. */
    private static void assertAllCommit(RaftGroup g, RaftGroup.Node leader) {
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(leader.log.committed).isEqualTo(leader.log.lastVersion());
    }

    private static List<AppendEntries> appendsWithEntries(RaftGroup g) {
        return g.sent.stream().filter(p -> p.from() == 0 && p.m() instanceof AppendEntries a
                && !a.entries().isEmpty()).map(p -> (AppendEntries) p.m()).toList();
    }
}
