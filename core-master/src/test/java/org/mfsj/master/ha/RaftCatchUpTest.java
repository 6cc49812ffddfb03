package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.common.wire.master2follower.RequestVote;

/** Catching up (image instead of entries a leader no longer keeps) and joining (learners), on the consensus rules. */
class RaftCatchUpTest {
    @Test
    void aFollowerBehindTheLeadersFloorIsSentTheImageThenEntriesAfterIt() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        for (int i = 0; i < 5; i++) {
            leader.write("change " + i);
        }
        g.deliver();
        g.sync();
        g.deliver();
        // node 2 loses everything; the leader's files now start after version 4 (an image holds 1..4)
        RaftGroup.Node behind = g.node(2);
        behind.log.entries.clear();
        behind.log.durable = 0;
        leader.log.floor = 4;
        leader.core.onConnected(1);
        g.deliver();
        assertThat(leader.imageSends).as("the leader sends the image, not entries").contains(2);
        assertThat(leader.core.needsImage(1)).isTrue();

        // it installs the image of version 4 (what the master around it does), and says so
        for (int v = 0; v < 4; v++) {
            behind.log.entries.add(leader.log.entries.get(v));
        }
        behind.log.durable = 4;
        behind.log.floor = 4;
        leader.core.onImageReply(1, new ImageReply(0, leader.core.term(), 3, 4, 100, true));
        assertThat(leader.core.needsImage(1)).isFalse();
        g.deliver();
        g.sync();
        g.deliver();
        assertThat(behind.log.lastVersion()).isEqualTo(leader.log.lastVersion());
        assertThat(behind.log.text(6)).isEqualTo("change 4");
    }

    @Test
    void anImageIsStoredOnlyWhenTheLogLacksItsLastEntryAndOnlyFromTheCurrentLeader() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        leader.write("a");
        g.deliver();
        g.sync();
        g.deliver();
        RaftGroup.Node f = g.node(1);
        long term = leader.core.term();
        assertThat(f.core.onImagePart(part(term, 2, term))).as("holds version 2 of that term")
                .isEqualTo(RaftCore.ImageVerdict.HELD);
        assertThat(f.core.onImagePart(part(term, 5, term))).as("lacks version 5")
                .isEqualTo(RaftCore.ImageVerdict.STORE);
        assertThat(f.core.onImagePart(part(term, 2, term + 7))).as("version 2 of another term")
                .isEqualTo(RaftCore.ImageVerdict.STORE);
        assertThat(f.core.onImagePart(part(term - 1, 5, term - 1))).as("from an older term")
                .isEqualTo(RaftCore.ImageVerdict.STALE);
    }

    @Test
    void aFollowerReceivingTheImageDoesNotStandForElection() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        RaftGroup.Node f = g.node(1);
        assertThat(f.core.onImagePart(part(leader.core.term(), 50, leader.core.term())))
                .isEqualTo(RaftCore.ImageVerdict.STORE);
        g.cut[0] = true;
        for (int i = 0; i < 100; i++) {
            g.advance(50);
        }
        assertThat(f.core.role()).as("it lacks entries a majority holds: it could not win").isEqualTo(
                RaftCore.Role.FOLLOWER);
        assertThat(g.asked(1)).as("the master receiving the image").isFalse();
        assertThat(g.asked(2)).as("the other follower asks to stand").isTrue();
    }

    @Test
    void aFollowerThatWasStoppedDoesNotStandTheMomentItRuns() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node leader = g.awaitLeader(1000);
        RaftGroup.Node f = g.node(1);
        long term = leader.core.term();
        // 30 s without a tick: the process was frozen, its leader's messages wait in its socket
        g.clock.advance(java.time.Duration.ofSeconds(30));
        f.core.tick();
        assertThat(f.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(f.core.term()).isEqualTo(term);
    }

    @Test
    void aLearnerVotesOnlyForAnEmptyLogUntilItCaughtUpThenVotesAsBefore() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node n = g.node(1);
        n.terms.learner = true;
        assertThat(n.core.onRequestVote(new RequestVote(0, 3, 77, 10, 2)).granted()).as("a candidate with a log")
                .isFalse();
        assertThat(n.terms.votedFor).isZero();
        assertThat(n.core.onRequestVote(new RequestVote(0, 4, 78, 0, 0)).granted()).as("a new group's first election")
                .isTrue();

        // a leader of term 5 with two committed entries: once it holds them, the learner votes
        List<Message> replies = new ArrayList<>();
        n.core.onAppendEntries(new AppendEntries(0, 5, 99, "node0", 0, 0, 2,
                List.of(new Entry(5, "t".getBytes()), new Entry(5, "x".getBytes()))), replies::add);
        assertThat(n.terms.learner).as("not durable yet").isTrue();
        n.log.durable = 2;
        n.core.onLocalDurable();
        assertThat(((AppendReply) replies.get(replies.size() - 1)).matchVersion()).isEqualTo(2);
        assertThat(n.terms.learner).as("caught up with the leader's commit").isFalse();
        assertThat(n.terms.term).isEqualTo(5);
        assertThat(n.terms.votedFor).as("its vote in term 5 is the leader's: no second one").isEqualTo(99);
        // the leader falls silent (a candidate heard while it is alive would be ignored)
        g.clock.advance(java.time.Duration.ofMillis(1100));
        assertThat(n.core.onRequestVote(new RequestVote(0, 6, 77, 10, 5)).granted()).as("a voter again").isTrue();
    }

    @Test
    void aLearnerWithALogDoesNotStand() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node n = g.node(2);
        n.terms.learner = true;
        n.log.entries.add(new Entry(1, "a".getBytes()));
        g.cut[0] = true;
        g.cut[1] = true;
        for (int i = 0; i < 100; i++) {
            g.advance(50);
        }
        assertThat(n.core.role()).isEqualTo(RaftCore.Role.FOLLOWER);
        assertThat(n.terms.term).isZero();
    }

    @Test
    void aFollowerAskedFromBelowItsFloorAnswersWithTheFloor() {
        RaftGroup g = new RaftGroup(3, 0);
        RaftGroup.Node n = g.node(1);
        for (int i = 0; i < 6; i++) {
            n.log.entries.add(new Entry(1, ("e" + i).getBytes()));
        }
        n.log.durable = 6;
        n.log.floor = 4;
        List<Message> replies = new ArrayList<>();
        n.core.onAppendEntries(new AppendEntries(0, 1, 99, "node0", 1, 1, 6, List.of()), replies::add);
        AppendReply r = (AppendReply) replies.get(0);
        assertThat(r.success()).isTrue();
        assertThat(r.matchVersion()).as("committed history up to its image matches any leader's").isEqualTo(4);
    }

    private static ImagePart part(long term, long version, long imageTerm) {
        return new ImagePart(0, term, 1, "node0", version, imageTerm, 100, 1, 0, 0, new byte[0]);
    }
}
