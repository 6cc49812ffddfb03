package org.mfsj.master.ha;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.mfsj.common.wire.master2follower.VoteReply;
import org.mfsj.master.fake.TestClock;

/**
 * Voting masters around real {@link RaftCore}s with in-memory logs and term stores, a network the
 * test delivers by hand (and may cut), and one manual clock. Node i's peers are the others in order.
 */
final class RaftGroup {
    static final RaftTiming TIMING = new RaftTiming(Duration.ofMillis(1000), Duration.ofMillis(2000),
            Duration.ofMillis(200), Duration.ofMillis(300));

    /** A message in flight from one node to another; {@code replyTo} set on requests. */
    record Packet(int from, int to, Message m) {
    }

    final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    final List<Node> nodes = new ArrayList<>();
    final Deque<Packet> wire = new ArrayDeque<>();
    /** Every packet ever sent, delivered or not. */
    final List<Packet> sent = new ArrayList<>();
    final boolean[] cut;
    /** Packets lost on the way (besides those of cut nodes). */
    java.util.function.Predicate<Packet> lost = p -> false;

    RaftGroup(int size, int preferred) {
        cut = new boolean[size];
        for (int i = 0; i < size; i++) {
            nodes.add(new Node(i, size, i == preferred));
        }
    }

    Node node(int i) {
        return nodes.get(i);
    }

    /** Delivers everything in flight (and what it causes) between nodes that are not cut off. */
    void deliver() {
        while (!wire.isEmpty()) {
            Packet p = wire.poll();
            if (cut[p.from()] || cut[p.to()] || lost.test(p)) {
                continue;
            }
            Node to = node(p.to());
            int back = to.peerIndexOf(p.from());
            Consumer<Message> reply = m -> wire.add(new Packet(p.to(), p.from(), m));
            if (p.m() instanceof RequestVote r) {
                reply.accept(to.core.onRequestVote(r));
            } else if (p.m() instanceof PreVote r) {
                reply.accept(to.core.onPreVote(r));
            } else if (p.m() instanceof PreVoteReply v) {
                to.core.onPreVoteReply(back, v);
            } else if (p.m() instanceof AppendEntries a) {
                to.core.onAppendEntries(a, reply);
            } else if (p.m() instanceof VoteReply v) {
                to.core.onVoteReply(back, v);
            } else if (p.m() instanceof AppendReply a) {
                to.core.onAppendReply(back, a);
            } else if (p.m() instanceof TimeoutNow t) {
                to.core.onTimeoutNow(t);
            }
        }
    }

    /** Whether node {@code node} ever sent a pre-vote (asked whether it could stand). */
    boolean asked(int node) {
        return sent.stream().anyMatch(p -> p.from() == node && p.m() instanceof PreVote);
    }

    /** Every node's disk catches up; replies follow. */
    void sync() {
        for (Node n : nodes) {
            n.log.durable = n.log.entries.size();
            n.core.onLocalDurable();
        }
    }

    void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
        for (Node n : nodes) {
            n.core.tick();
        }
    }

    /** Runs ticks, delivery and disk syncs until a leader stands, at most {@code millis}. */
    Node awaitLeader(long millis) {
        for (long t = 0; t <= millis; t += 50) {
            for (Node n : nodes) {
                if (n.core.role() == RaftCore.Role.LEADER && !cut[n.index]) {
                    return n;
                }
            }
            advance(50);
            deliver();
            sync();
            deliver();
        }
        throw new AssertionError("no leader within " + millis + " ms");
    }

    final class Node implements RaftEvents {
        final int index;
        final MemLog log = new MemLog();
        final MemTerms terms;
        final RaftCore core;
        final List<Long> leaderTerms = new ArrayList<>();
        final List<Long> stepDowns = new ArrayList<>();
        final List<Integer> imageSends = new ArrayList<>();
        int reloads;
        /** How long taking up leadership keeps this node's thread (the manual clock moves that much). */
        long leaderSetupMillis;

        Node(int index, int size, boolean preferred) {
            this.index = index;
            this.terms = new MemTerms(index + 1);
            this.core = new RaftCore(size - 1, log, terms, this, clock, TIMING, new Random(index), 0, preferred,
                    "node" + index);
        }

        int peerIndexOf(int node) {
            return node < index ? node : node - 1;
        }

        int nodeOfPeer(int peer) {
            return peer < index ? peer : peer + 1;
        }

        /** A client change on the leader. */
        void write(String what) {
            log.entries.add(new Entry(core.term(), what.getBytes()));
            core.onAppended();
        }

        @Override
        public void send(int peer, Message m) {
            Packet p = new Packet(index, nodeOfPeer(peer), m);
            wire.add(p);
            sent.add(p);
        }

        @Override
        public void becameLeader(long term) {
            clock.advance(Duration.ofMillis(leaderSetupMillis));
            leaderTerms.add(term);
            log.entries.add(new Entry(term, ("term " + term).getBytes()));
        }

        @Override
        public void steppedDown(long term) {
            stepDowns.add(term);
        }

        @Override
        public void reloadNeeded() {
            reloads++;
        }

        @Override
        public void sendImage(int peer) {
            imageSends.add(nodeOfPeer(peer));
        }
    }

    /** A log in memory: entries with their terms, a durable mark the test moves, the commit seen. */
    static final class MemLog implements RaftLog {
        final List<Entry> entries = new ArrayList<>();
        long durable;
        long committed;
        long applied;
        /** Entries up to here are taken as gone from the files (an image holds them). */
        long floor;

        @Override
        public long floor() {
            return floor;
        }

        @Override
        public long lastVersion() {
            return entries.size();
        }

        @Override
        public long localDurable() {
            return Math.min(durable, entries.size());
        }

        @Override
        public long termAt(long version) {
            return version <= 0 ? 0 : entries.get((int) version - 1).term();
        }

        @Override
        public long termStart(long version) {
            long v = version;
            while (v > 1 && termAt(v - 1) == termAt(version)) {
                v--;
            }
            return Math.max(1, v);
        }

        @Override
        public boolean truncateAfter(long version) {
            while (entries.size() > version) {
                entries.remove(entries.size() - 1);
            }
            durable = Math.min(durable, version);
            return applied <= version;
        }

        @Override
        public void appendFromLeader(long firstVersion, List<Entry> es) {
            if (firstVersion != entries.size() + 1) {
                throw new AssertionError("append at " + firstVersion + " after " + entries.size());
            }
            entries.addAll(es);
        }

        @Override
        public List<Entry> entriesFrom(long version, int max) {
            int from = (int) version - 1;
            return new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + max)));
        }

        @Override
        public void committed(long version) {
            committed = Math.max(committed, version);
        }

        String text(long version) {
            return new String(entries.get((int) version - 1).record());
        }
    }

    /** A term store in memory that counts its saves. */
    static final class MemTerms implements TermStore {
        private final long self;
        long term;
        long votedFor;
        int saves;
        boolean learner;

        @Override
        public boolean learner() {
            return learner;
        }

        @Override
        public void joined() {
            learner = false;
        }

        MemTerms(long self) {
            this.self = self;
        }

        @Override
        public long term() {
            return term;
        }

        @Override
        public long votedFor() {
            return votedFor;
        }

        @Override
        public long self() {
            return self;
        }

        @Override
        public void save(long t, long v) {
            term = t;
            votedFor = v;
            saves++;
        }
    }
}
