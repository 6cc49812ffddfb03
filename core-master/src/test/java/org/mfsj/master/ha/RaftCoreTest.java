package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.mfsj.common.wire.master2follower.VoteReply;

class RaftCoreTest {
    @Test
    void preferredMasterIsElectedFirstAndItsTermStartCommitsOnAMajority() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        assertThat(leader.index).isZero();
        assertThat(leader.leaderTerms).containsExactly(1L);
        assertThat(leader.log.committed).isEqualTo(1);
        for (RaftGroup.Node n : g.nodes) {
            assertThat(n.core.term()).isEqualTo(1);
            assertThat(n.log.text(1)).isEqualTo("term 1");
        }
        assertThat(g.node(1).core.leaderClients()).isEqualTo("node0");
    }

    /**
     * Taking up leadership (building the leader's services on a cold, loaded JVM) once held the
     * master thread past the longest election timeout; the leader's first tick then counted that
     * time as silence from every follower and stepped down before it had sent them anything, and
     * the followers, learners with an empty log, would vote for no one again.
     */
    @Test
    void aLeaderWhoseOwnSetupOutlastsTheElectionTimeoutKeepsLeading() {
        RaftGroup g = new RaftGroup(3, 0);
        g.node(0).leaderSetupMillis = 2500;
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(leader.index).isZero();
        assertThat(leader.stepDowns).isEmpty();
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(leader.log.committed).isEqualTo(1);
        assertThat(g.node(1).log.text(1)).isEqualTo("term 1");
    }

    /**
     * A new group: every master is a learner (no term file yet). The first leader's entries reach
     * no one and it steps down; the others, learners with an empty log, vote only for an empty
     * log and do not stand, and the first leader's log holds its term's first entry: without the
     * rule that it drops its own entries nobody confirmed, the group stays without a leader.
     */
    @Test
    void aNewGroupsFirstLeaderThatStepsDownUnheardDoesNotLeaveTheGroupLeaderless() {
        RaftGroup g = new RaftGroup(3, 0);
        g.nodes.forEach(n -> n.terms.learner = true);
        RaftGroup.Node first = g.node(0);
        g.lost = p -> p.from() == 0 && p.m() instanceof AppendEntries;
        for (int i = 0; i < 40 && first.core.role() != RaftCore.Role.LEADER; i++) {
            g.advance(50);
            g.deliver();
        }
        assertThat(first.core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(first.log.lastVersion()).as("its term's first entry").isEqualTo(1);
        for (int i = 0; i < 100 && first.core.role() == RaftCore.Role.LEADER; i++) {
            g.advance(50);
            g.deliver();
        }
        assertThat(first.stepDowns).as("no follower answered it").isNotEmpty();
        assertThat(g.node(1).log.lastVersion()).isZero();
        assertThat(g.node(1).terms.learner).isTrue();

        g.lost = p -> false;
        RaftGroup.Node leader = g.awaitLeader(20_000);
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(leader.log.committed).as("the new leader's term start commits").isPositive();
        for (RaftGroup.Node n : g.nodes) {
            assertThat(n.terms.learner).as("node " + n.index + " votes from now on").isFalse();
        }
    }

    /**
     * What a deposed leader may drop is only what it wrote itself and no one confirmed: a follower
     * holding another leader's entry, not known committed, keeps it when it stands.
     */
    @Test
    void aFollowerKeepsAnotherLeadersUnconfirmedEntryWhenItStands() {
        RaftGroup g = new RaftGroup(3, 0);
        g.cut[2] = true;
        g.lost = p -> p.from() == 1 && p.m() instanceof AppendReply;
        RaftGroup.Node first = g.awaitLeader(1000);
        assertThat(first.index).isZero();
        assertThat(g.node(1).log.text(1)).isEqualTo("term 1");
        assertThat(g.node(1).core.commitVersion()).isZero();

        g.cut[0] = true;
        g.cut[2] = false;
        g.lost = p -> false;
        RaftGroup.Node leader = g.awaitLeader(20_000);
        assertThat(leader.index).isEqualTo(1);
        assertThat(leader.log.text(1)).as("the first leader's entry, kept").isEqualTo("term 1");
    }

    @Test
    void aChangeCommitsOnlyOnceAMajorityHasItDurable() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[1] = true;
        g.cut[2] = true;
        leader.write("mkdir a");
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(leader.log.committed).isEqualTo(1);

        g.cut[2] = false;
        g.advance(200);
        g.deliver();
        // node 2 has it but not on disk yet: still not committed
        assertThat(g.node(2).log.lastVersion()).isEqualTo(2);
        assertThat(leader.log.committed).isEqualTo(1);
        g.node(2).log.durable = 2;
        g.node(2).core.onLocalDurable();
        g.deliver();
        assertThat(leader.log.committed).isEqualTo(2);
        assertThat(g.node(1).log.lastVersion()).isEqualTo(1);
    }

    @Test
    void votesGoOnlyToCandidatesWithALogAtLeastAsNewAndOncePerTerm() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node voter = g.node(1);
        voter.log.entries.add(new Entry(1, new byte[1]));
        voter.log.entries.add(new Entry(1, new byte[1]));
        voter.terms.term = 1;

        assertThat(voter.core.onRequestVote(new RequestVote(0, 2, 7, 1, 1)).granted()).as("shorter log").isFalse();
        assertThat(voter.core.onRequestVote(new RequestVote(0, 2, 7, 5, 0)).granted()).as("older last term")
                .isFalse();
        VoteReply yes = voter.core.onRequestVote(new RequestVote(0, 2, 7, 2, 1));
        assertThat(yes.granted()).isTrue();
        assertThat(voter.terms.votedFor).isEqualTo(7);
        assertThat(voter.core.onRequestVote(new RequestVote(0, 2, 8, 9, 2)).granted()).as("second vote in term 2")
                .isFalse();
        assertThat(voter.core.onRequestVote(new RequestVote(0, 2, 7, 2, 1)).granted()).as("same candidate again")
                .isTrue();
        assertThat(voter.core.onRequestVote(new RequestVote(0, 1, 9, 9, 1)).granted()).as("stale term").isFalse();
    }

    @Test
    void aFollowerCutsAConflictingUncommittedTailAndTakesTheLeaders() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node old = g.awaitLeader(1000);
        // the old leader writes two changes nobody else gets, then disappears
        g.cut[0] = true;
        old.write("lost 1");
        old.write("lost 2");
        RaftGroup.Node leader = g.awaitLeader(5000);
        assertThat(leader.index).isNotZero();
        leader.write("kept");
        g.deliver();
        g.sync();
        g.deliver();
        long committed = leader.log.committed;
        assertThat(committed).isEqualTo(3);

        g.cut[0] = false;
        old.log.applied = 3;
        g.advance(200);
        g.deliver();
        assertThat(old.stepDowns).hasSize(1);
        assertThat(old.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(old.reloads).as("its memory held dropped entries").isEqualTo(1);
        // after the reload the follower's memory is rebuilt from the cut log; the next append fits
        old.log.applied = 1;
        g.advance(200);
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(old.log.lastVersion()).isEqualTo(3);
        assertThat(old.log.text(2)).startsWith("term ");
        assertThat(old.log.text(3)).isEqualTo("kept");
        assertThat(old.log.committed).isEqualTo(3);
    }

    @Test
    void aLeaderStepsDownAtOnceOnAHigherTerm() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        leader.core.onAppendReply(0, new AppendReply(0, 5, 42, false, 0, 0));
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(leader.stepDowns).containsExactly(5L);
        assertThat(leader.terms.term).isEqualTo(5);
        assertThat(leader.terms.votedFor).isZero();
    }

    @Test
    void aStaleLeaderIsRefusedAndLearnsTheNewTerm() {
        RaftGroup g = new RaftGroup(3, 0);
        g.awaitLeader(1000);
        RaftGroup.Node follower = g.node(1);
        follower.terms.term = 4;
        AppendReply[] got = new AppendReply[1];
        follower.core.onAppendEntries(new AppendEntries(0, 1, 1, "node0", 1, 1, 1,
                List.of(new Entry(1, "late".getBytes()))), m -> got[0] = (AppendReply) m);
        assertThat(got[0].success()).isFalse();
        assertThat(got[0].term()).isEqualTo(4);
        assertThat(follower.log.lastVersion()).isEqualTo(1);
    }

    @Test
    void aLeaderThatHearsNoMajorityStepsDown() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[1] = true;
        g.cut[2] = true;
        for (int i = 0; i < 50 && leader.stepDowns.isEmpty(); i++) {
            g.advance(50);
            g.deliver();
        }
        assertThat(leader.stepDowns).hasSize(1);
        assertThat(leader.core.role()).isNotEqualTo(RaftCore.Role.LEADER);
    }

    @Test
    void entriesOfAnEarlierTermCommitOnlyWithAnEntryOfTheLeadersTerm() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node n0 = g.node(0);
        // node 0 holds an entry of term 2 that node 1 also has; node 0 is elected in term 3
        for (RaftGroup.Node n : List.of(n0, g.node(1))) {
            n.log.entries.add(new Entry(2, "old".getBytes()));
            n.log.durable = 1;
        }
        n0.terms.term = 2;
        g.node(1).terms.term = 2;
        g.node(2).terms.term = 2;
        g.cut[2] = true;
        g.advance(300);
        g.deliver();
        assertThat(n0.core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(n0.core.term()).isEqualTo(3);
        // the term-3 entry is appended but not durable anywhere yet: version 1 (term 2) is not counted
        n0.core.onAppendReply(0, new AppendReply(0, 3, 2, true, 1, 1));
        assertThat(n0.log.committed).isZero();
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(n0.log.committed).isEqualTo(2);
    }

    @Test
    void aCandidateThatCannotWinDoesNotHoldBackOneThatCan() {
        RaftGroup g = new RaftGroup(3, 0);
        g.awaitLeader(1000);
        RaftGroup.Node up = g.node(2);
        g.cut[0] = true;
        g.cut[1] = true;
        // a candidate with a shorter log asks again and again, more often than any election timeout
        boolean stood = false;
        for (int i = 0; i < 10 && !stood; i++) {
            long term = up.core.term() + 1;
            assertThat(up.core.onRequestVote(new RequestVote(0, term, 99, 0, 0)).granted()).isFalse();
            g.advance(500);
            stood = g.asked(2);
        }
        assertThat(stood).as("the master with the longer log stands within its election timeout").isTrue();
    }

    @Test
    void aHandOverWaitsUntilTheTargetHoldsEverythingThenItWinsAtOnce() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[2] = true;
        leader.write("mkdir a");
        g.deliver();
        g.sync();
        g.deliver();
        boolean[] told = new boolean[1];
        leader.core.transfer(leader.peerIndexOf(2), () -> told[0] = true);
        g.deliver();
        assertThat(told[0]).as("told while the target lacks an entry").isFalse();

        g.cut[2] = false;
        g.advance(200);
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(told[0]).isTrue();
        // no election timeout passed: the target stood because it was told, and the others followed
        assertThat(g.node(2).core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(g.node(2).core.term()).isEqualTo(2);
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        // it stepped down in its own term the moment it told the target, so nothing more lands in its log
        assertThat(leader.stepDowns).containsExactly(1L);
        assertThat(g.node(2).log.text(2)).isEqualTo("mkdir a");
    }

    @Test
    void aHandOverNotFromTheLeaderFollowedIsIgnored() {
        RaftGroup g = new RaftGroup(3, 0);
        g.awaitLeader(1000);
        RaftGroup.Node follower = g.node(1);
        follower.core.onTimeoutNow(new TimeoutNow(0, follower.core.term(), 99));
        assertThat(follower.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(follower.core.term()).isEqualTo(1);
    }

    @Test
    void aCancelledHandOverNeverTellsTheTarget() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.cut[1] = true;
        leader.write("mkdir b");
        boolean[] told = new boolean[1];
        leader.core.transfer(leader.peerIndexOf(1), () -> told[0] = true);
        leader.core.cancelTransfer();
        g.cut[1] = false;
        g.advance(200);
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(told[0]).isFalse();
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.LEADER);
    }
}
