package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.master2follower.RequestVote;

/**
 * Changes of voters in the consensus core: the voter set the log names rules at once, majorities
 * (votes, commits, the leader's check that it is heard) count its voters only, a master outside it
 * never stands, a change waits for an entry of the leader's own term, and a leader that removed
 * itself steps down once that is committed. Four masters; node 3 starts outside the voters.
 */
class RaftMembershipTest {
    /** Sets, on every node, the voters to the nodes in {@code voters}, as logged at {@code version}. */
    private static void voters(RaftGroup g, Set<Integer> voters, long version) {
        for (RaftGroup.Node n : g.nodes) {
            Set<Integer> peers = new TreeSet<>();
            for (int v : voters) {
                if (v != n.index) {
                    peers.add(n.peerIndexOf(v));
                }
            }
            n.core.quorum().set(g.nodes.size() - 1, peers, voters.contains(n.index), version);
        }
    }

    private static RaftGroup threeOfFour() {
        RaftGroup g = new RaftGroup(4, 0);
        voters(g, Set.of(0, 1, 2), 0);
        return g;
    }

    private static void settle(RaftGroup g) {
        g.deliver();
        g.sync();
        g.deliver();
    }

    @Test
    void commitsCountTheLoggedVotersOnlyAndANewVoterCountsAtOnce() {
        RaftGroup g = threeOfFour();
        RaftGroup.Node leader = g.awaitLeader(1000);
        assertThat(leader.index).isZero();
        // node 3 outside: the leader and node 2 are two of three
        g.cut[1] = true;
        leader.write("a");
        settle(g);
        assertThat(leader.log.committed).isEqualTo(2);
        assertThat(g.node(3).log.lastVersion()).as("no entries for a master outside the voters").isZero();

        voters(g, Set.of(0, 1, 2, 3), 3);
        leader.write("voters 0-3");
        g.cut[2] = true;
        settle(g);
        g.advance(200);
        settle(g);
        // the leader and node 3 are two of four: no majority, though node 3 has every entry
        assertThat(g.node(3).log.lastVersion()).isEqualTo(3);
        assertThat(leader.log.committed).isEqualTo(2);
        g.cut[2] = false;
        g.advance(200);
        settle(g);
        assertThat(leader.log.committed).isEqualTo(3);
    }

    @Test
    void aMasterOutsideTheVotersNeverStandsAndItsVoteDoesNotCount() {
        RaftGroup g = threeOfFour();
        g.awaitLeader(1000);
        g.cut[0] = true;
        g.cut[1] = true;
        for (int i = 0; i < 40; i++) {
            g.advance(250);
            settle(g);
        }
        assertThat(g.node(3).core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(g.node(3).core.term()).as("never raised the term (nor heard one)").isZero();
        // node 2 asks to stand, and node 3's answer is no majority of 0, 1, 2: it never raises its term
        assertThat(g.asked(3)).isFalse();
        assertThat(g.asked(2)).isTrue();
        assertThat(g.node(2).core.role()).isNotEqualTo(RaftCore.Role.LEADER);
        assertThat(g.node(2).core.term()).isEqualTo(1);
    }

    @Test
    void aCandidateIsIgnoredWhileTheLeaderIsHeardSoARemovedMasterCannotDeposeIt() {
        RaftGroup g = threeOfFour();
        RaftGroup.Node leader = g.awaitLeader(1000);
        RaftGroup.Node follower = g.node(1);
        // a removed master that kept an old log stands again and again
        RequestVote removed = new RequestVote(0, 9, 77, 1, 1);
        assertThat(follower.core.onRequestVote(removed).granted()).isFalse();
        assertThat(leader.core.onRequestVote(removed).granted()).isFalse();
        assertThat(follower.core.term()).as("its term ignored").isEqualTo(1);
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.LEADER);
        // a hand-over's candidate is answered at once
        assertThat(follower.core.onRequestVote(new RequestVote(0, 2, 3, 1, 1, true)).granted()).isTrue();
    }

    @Test
    void aChangeWaitsForAnEntryOfTheLeadersOwnTermAndForTheLastChangeToCommit() {
        RaftGroup g = threeOfFour();
        RaftGroup.Node leader = g.awaitLeader(1000);
        assertThat(leader.core.quorum().mayChange()).as("its term start is committed").isTrue();
        voters(g, Set.of(0, 1, 2, 3), 2);
        leader.write("voters 0-3");
        assertThat(leader.core.quorum().mayChange()).as("the change at 2 is not committed yet").isFalse();
        settle(g);
        assertThat(leader.core.quorum().mayChange()).isTrue();

        g.cut[0] = true;
        RaftGroup.Node next = null;
        // elections without disk syncs: the winner's term start is on no disk yet
        for (int t = 0; t < 10_000 && next == null; t += 50) {
            g.advance(50);
            g.deliver();
            next = g.nodes.stream().filter(n -> n.index != 0 && n.core.role() == RaftCore.Role.LEADER).findFirst()
                    .orElse(null);
        }
        assertThat(next).as("a new leader among nodes 1-3").isNotNull();
        // elected, its term start not yet on a majority's disks: no change may begin
        assertThat(next.core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(next.log.committed).isLessThan(next.log.lastVersion());
        assertThat(next.core.quorum().mayChange()).isFalse();
        settle(g);
        assertThat(next.core.quorum().mayChange()).isTrue();
    }

    @Test
    void aLeaderThatRemovedItselfStepsDownOnceTheRemovalIsCommitted() {
        RaftGroup g = threeOfFour();
        RaftGroup.Node leader = g.awaitLeader(1000);
        voters(g, Set.of(1, 2), 2);
        leader.write("voters 1-2");
        g.advance(50);
        assertThat(leader.core.role()).as("leads until its removal is committed").isEqualTo(RaftCore.Role.LEADER);
        assertThat(leader.stepDowns).isEmpty();
        settle(g);
        assertThat(leader.log.committed).as("committed by nodes 1 and 2 alone").isEqualTo(2);
        g.advance(50);
        assertThat(leader.stepDowns).containsExactly(1L);
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        for (int i = 0; i < 40; i++) {
            g.advance(250);
            settle(g);
        }
        assertThat(leader.core.role()).as("a removed master never stands").isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(g.nodes.stream().filter(n -> n.core.role() == RaftCore.Role.LEADER).map(n -> n.index))
                .as("nodes 1 and 2 elect one of them").hasSize(1).doesNotContain(0, 3);
    }
}
