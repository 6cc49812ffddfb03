package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;

/** Pre-vote (a master cut off does not raise its term) and the leader's read lease. */
class RaftPreVoteAndLeaseTest {
    /** Ticks, delivery and disk syncs for {@code millis}, in 50 ms steps. */
    private static void run(RaftGroup g, long millis) {
        for (long t = 0; t < millis; t += 50) {
            g.advance(50);
            g.deliver();
            g.sync();
            g.deliver();
        }
    }

    @Test
    void aMasterCutOffKeepsItsTermAndDoesNotDeposeTheLeaderOnceBack() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        RaftGroup.Node away = g.node(2);
        g.cut[2] = true;
        run(g, 10_000);
        assertThat(g.asked(2)).as("it asked to stand, again and again").isTrue();
        assertThat(away.core.term()).as("no majority would vote for it: its term stays").isEqualTo(1);

        g.cut[2] = false;
        run(g, 5_000);
        assertThat(leader.core.role()).isEqualTo(RaftCore.Role.LEADER);
        assertThat(leader.core.term()).isEqualTo(1);
        assertThat(leader.stepDowns).as("the leader kept by the majority is not deposed").isEmpty();
        assertThat(away.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(away.core.leaderClients()).isEqualTo("node0");
    }

    @Test
    void aPreVoteIsAnsweredLikeAVoteButChangesNothing() {
        RaftGroup g = new RaftGroup(3, 0);
        g.awaitLeader(1000);
        RaftGroup.Node voter = g.node(1);
        int saves = voter.terms.saves;
        PreVote ask = new PreVote(0, 2, 3, voter.log.lastVersion(), 1);
        assertThat(voter.core.onPreVote(ask).granted()).as("its leader was heard a moment ago").isFalse();

        g.cut[0] = true;
        g.advance(1000);
        PreVoteReply yes = voter.core.onPreVote(ask);
        assertThat(yes.granted()).isTrue();
        assertThat(yes.forTerm()).isEqualTo(2);
        assertThat(voter.core.onPreVote(new PreVote(0, 2, 3, 0, 0)).granted()).as("a shorter log").isFalse();
        assertThat(voter.core.onPreVote(new PreVote(0, 1, 3, 9, 1)).granted()).as("no higher term").isFalse();
        assertThat(voter.core.term()).isEqualTo(1);
        assertThat(voter.terms.saves).as("nothing recorded").isEqualTo(saves);
    }

    @Test
    void theLeaseRunsOnlyWhileAMajorityAnsweredAndEndsBeforeTheLeaderStepsDown() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        run(g, 300);
        assertThat(leader.core.leaseValid()).isTrue();
        assertThat(g.node(1).core.leaseValid()).as("a follower holds no lease").isFalse();

        g.cut[1] = true;
        run(g, 1000);
        assertThat(leader.core.leaseValid()).as("one follower still answers").isTrue();

        g.cut[2] = true;
        run(g, 950);
        assertThat(leader.core.role()).as("not yet stepped down").isEqualTo(RaftCore.Role.LEADER);
        assertThat(leader.core.leaseValid()).as("nothing answered for longer than the lease").isFalse();

        g.cut[1] = false;
        g.cut[2] = false;
        run(g, 300);
        assertThat(leader.core.leaseValid()).isTrue();
    }

    @Test
    void followersOfAnOlderBuildThatEchoNoIdLeaveTheLeaderServingWithoutALease() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        g.advance(1000);
        assertThat(leader.core.leaseValid()).as("no answer for a second").isFalse();
        leader.core.onAppendReply(0, new AppendReply(0, 1, 2, true, 1, 1));
        assertThat(leader.core.leaseValid()).as("one of two followers of an older build: the other can still prove")
                .isFalse();
        leader.core.onAppendReply(1, new AppendReply(0, 1, 3, true, 1, 1));
        assertThat(leader.core.leaseValid()).as("no majority can prove: served as before the lease").isTrue();
    }

    @Test
    void noOtherMasterIsElectedWhileTheCutOffLeadersLeaseRuns() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node old = g.awaitLeader(1000);
        run(g, 500);
        g.cut[0] = true;
        boolean leaseSeen = false;
        RaftGroup.Node next = null;
        for (int t = 0; t < 10_000 && next == null; t += 10) {
            leaseSeen |= old.core.leaseValid();
            g.clock.advance(java.time.Duration.ofMillis(10));
            for (RaftGroup.Node n : g.nodes) {
                n.core.tick();
            }
            g.deliver();
            g.sync();
            g.deliver();
            for (RaftGroup.Node n : g.nodes) {
                if (n != old && n.core.role() == RaftCore.Role.LEADER) {
                    next = n;
                }
            }
            if (next != null) {
                assertThat(old.core.leaseValid()).as("the old leader's lease when another leads").isFalse();
            }
        }
        assertThat(leaseSeen).isTrue();
        assertThat(next).isNotNull();
    }

    @Test
    void aRestartedVoterVotesForNoOneForAnElectionTimeout() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.MemTerms terms = new RaftGroup.MemTerms(9);
        terms.term = 4;
        RaftCore restarted = new RaftCore(2, new RaftGroup.MemLog(), terms, new RaftEvents() {
            @Override
            public void send(int peer, Message m) {
            }

            @Override
            public void becameLeader(long term) {
            }

            @Override
            public void steppedDown(long term) {
            }

            @Override
            public void reloadNeeded() {
            }
        }, g.clock, RaftGroup.TIMING, new Random(1), 0, true, "restarted");
        PreVote ask = new PreVote(0, 5, 3, 0, 0);
        assertThat(restarted.onPreVote(ask).granted()).as("it may have answered a leader just before it stopped")
                .isFalse();
        g.clock.advance(java.time.Duration.ofMillis(1000));
        assertThat(restarted.onPreVote(ask).granted()).isTrue();
    }
}
