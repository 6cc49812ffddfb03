package org.mfsj.master.ha;

import java.time.Clock;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.mfsj.common.wire.master2follower.VoteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elections and replication for one master among its voting peers: the Raft rules, with no I/O of
 * its own (the log, the term store, the network and the clock are given). Driven on the master
 * thread only. See the package documentation for why it is safe.
 */
public final class RaftCore {
    /** Where this master stands in its current term. */
    public enum Role { FOLLOWER, CANDIDATE, LEADER }

    /** What a follower does with a piece of the leader's image. */
    public enum ImageVerdict {
        /** From a leader of an older term (or this master leads): refused, the answer carries the term. */
        STALE,
        /** This log already holds the image's last entry: no image needed, entries follow it. */
        HELD,
        /** To be stored: the entries this master lacks are older than the leader keeps. */
        STORE
    }

    private static final Logger LOG = LoggerFactory.getLogger(RaftCore.class);
    private int peers;
    private final RaftLog log;
    private final TermStore terms;
    private final RaftEvents events;
    private final Clock clock;
    private final RaftTiming timing;
    private final String selfClients;
    private final boolean preferred;
    private final Quorum quorum;
    private final HandOverRule handOver = new HandOverRule(this);
    private final ImageCatchUp images = new ImageCatchUp(this);
    private final VoteRule voting = new VoteRule(this);
    private final FollowerRule following = new FollowerRule(this);
    private final PreVoteRound preVote = new PreVoteRound(this);
    private final UnconfirmedOwnLog ownLog = new UnconfirmedOwnLog(this);
    private final LeaderReplication leading;
    private Role role = Role.FOLLOWER;
    private long leaderId;
    private String leaderClients = "";
    private long commit;
    private final ElectionTimer timer;
    private long nextHeartbeat;
    /** Candidate: the voting peers that granted their vote (this master's own vote is implied). */
    private final Set<Integer> votes = new HashSet<>();

    /**
     * @param peers       the number of other voting masters (at least one)
     * @param commit      a version known committed (the image's), for a start
     * @param preferred   stand first at start-up (MASTER_STATE = 1)
     * @param selfClients where clients reach this master, sent to followers as a hint
     */
    public RaftCore(int peers, RaftLog log, TermStore terms, RaftEvents events, Clock clock, RaftTiming timing,
            Random random, long commit, boolean preferred, String selfClients) {
        if (peers < 1) {
            throw new IllegalArgumentException("a replicated master needs at least one peer");
        }
        this.peers = peers;
        this.log = log;
        this.terms = terms;
        this.events = events;
        this.clock = clock;
        this.timing = timing;
        this.commit = commit;
        this.selfClients = selfClients;
        this.preferred = preferred;
        this.quorum = new Quorum(this, peers);
        this.leading = new LeaderReplication(this, clock, timing.electionMin().toMillis(), selfClients);
        this.timer = new ElectionTimer(timing, random, terms, clock, preferred);
    }

    public Role role() {
        return role;
    }

    public long term() {
        return terms.term();
    }

    public long commitVersion() {
        return commit;
    }

    /** Where clients reach the leader as far as this master knows; "" when unknown. */
    public String leaderClients() {
        return role == Role.LEADER ? selfClients : leaderClients;
    }

    /** Leader: the last version known durable on {@code peer}. */
    public long matchOf(int peer) {
        return role == Role.LEADER ? leading.progress().match(peer) : 0;
    }

    public int peers() {
        return peers;
    }

    /**
     * Whether this master may answer clients now: it leads and a majority answered it within the
     * read lease, so no other master can have been elected (see {@link ReadLease}).
     */
    public boolean leaseValid() {
        return role == Role.LEADER && leading.leaseValid(quorum);
    }

    /** Leader: whether {@code peer} answered within the last {@code millis}. */
    public boolean heardWithin(int peer, long millis) {
        return role == Role.LEADER && clock.millis() - leading.progress().lastHeard(peer) <= millis;
    }

    /** Leader: whether {@code peer} answered this leader at all, and within the last {@code millis}. */
    public boolean answeredWithin(int peer, long millis) {
        return heardWithin(peer, millis) && leading.progress().answered(peer);
    }

    /** AppendEntries messages this master sent, and the entries they carried, over all peers. */
    public long[] sendStats() {
        return leading.sendStats();
    }

    public long electionMinMillis() {
        return timing.electionMin().toMillis();
    }

    public long electionMaxMillis() {
        return timing.electionMax().toMillis();
    }

    /** Leader: followers serve reads, so each commit is sent to them as soon as it is known. */
    public void pushCommits() {
        leading.pushCommits();
    }

    /**
     * Leader: hands leadership to {@code peer} as soon as it holds every entry of this log (the
     * caller stops new changes first), by telling it to stand for election now; {@code sent} runs
     * when it was told. It wins at once, being up to date, and this master follows the higher term.
     */
    public void transfer(int peer, Runnable sent) {
        handOver.start(peer, sent);
    }

    /** Leader: gives up a transfer that did not complete (the target did not catch up in time). */
    public void cancelTransfer() {
        handOver.cancel();
    }

    /** Follower: the leader hands leadership over to this master; stand for election now. */
    public void onTimeoutNow(TimeoutNow t) {
        handOver.onTimeoutNow(t);
    }

    /** The voters, and changes to them (master HA membership). */
    public Quorum quorum() {
        return quorum;
    }

    /** Room for {@code count} peers: a master was added to the peer list. */
    void growPeers(int count) {
        peers = Math.max(peers, count);
        leading.grow(peers);
    }

    /** Runs elections, heartbeats and the leader's majority check; call often (every ~50 ms). */
    public void tick() {
        long now = clock.millis();
        boolean due = timer.due(now, role == Role.LEADER);
        if (role == Role.LEADER) {
            if (!quorum.selfVotes() && commit >= quorum.version()) {
                // its own removal is committed: the group goes on without it (Raft section 4.2.2)
                LOG.warn("leader {} of term {} is no longer a voter (removal committed at {}); stepping down",
                        terms.self(), term(), quorum.version());
                stepDown(term());
                return;
            }
            if (!leading.progress().majorityHeardSince(quorum, now - timing.electionMax().toMillis())) {
                LOG.warn("leader of term {} heard no majority for {} ms; stepping down", term(),
                        timing.electionMax().toMillis());
                stepDown(term());
                return;
            }
            if (now >= nextHeartbeat) {
                nextHeartbeat = now + timing.heartbeat().toMillis();
                for (int p : quorum.targets()) {
                    leading.replicate(p, true);
                }
            }
        } else if (due) {
            timer.restart();
            if (mayStand() && ownLog.dropBeforeStanding()) {
                preVote.start();
            }
        }
    }

    /**
     * Standing is voting for itself. A master that is no voter (as its log says) never stands. A
     * learner stands only in a new group's first election (an empty log), and then only the
     * preferred one: a master started empty to join a running group must not raise the term. A
     * master receiving the image lacks entries a majority holds, so it cannot win: its candidacy
     * would only raise the term and depose the leader once it is heard again.
     */
    private boolean mayStand() {
        boolean learnerMay = !terms.learner() || log.lastVersion() == 0 && preferred;
        return quorum.selfVotes() && learnerMay && !images.receiving();
    }

    /** Stands in the next term; {@code handOver}: the leader told it to, so voters answer at once. */
    void startElection(boolean handOver) {
        long term = terms.term() + 1;
        preVote.cancel();
        following.stopAcks();
        terms.save(term, terms.self());
        role = Role.CANDIDATE;
        leaderId = 0;
        leaderClients = "";
        votes.clear();
        timer.restart();
        long last = log.lastVersion();
        LOG.info("master {} stands for election in term {} (log ends at {} of term {})", terms.self(), term, last,
                log.termAt(last));
        for (int p : quorum.voters()) {
            events.send(p, new RequestVote(0, term, terms.self(), last, log.termAt(last), handOver));
        }
        if (quorum.isMajority(0, true)) {
            becomeLeader();
        }
    }

    /** Answers a candidate; the vote is durable before the answer leaves. */
    public VoteReply onRequestVote(RequestVote r) {
        return voting.answer(r);
    }

    /** Answers a would-be candidate's pre-vote; records nothing. */
    public PreVoteReply onPreVote(PreVote r) {
        return voting.preAnswer(r);
    }

    public void onPreVoteReply(int peer, PreVoteReply r) {
        preVote.onReply(peer, r);
    }

    public void onVoteReply(int peer, VoteReply r) {
        observe(r.term());
        if (role != Role.CANDIDATE || r.term() != terms.term() || !r.granted() || !quorum.votes(peer)) {
            return;
        }
        votes.add(peer);
        if (quorum.isMajority(votes.size(), true)) {
            becomeLeader();
        }
    }

    private void becomeLeader() {
        long now = clock.millis();
        role = Role.LEADER;
        leaderId = terms.self();
        ownLog.led(term());
        if (terms.learner()) {
            // won a majority with its own log: it holds every committed entry, and voted for itself
            terms.joined();
        }
        leading.start(peers);
        LOG.info("master {} leads in term {} (log ends at {}, committed {})", terms.self(), term(),
                log.lastVersion(), commit);
        // the term's first entry: once it commits, every entry before it is committed too
        events.becameLeader(term());
        if (role == Role.LEADER) {
            leading.setUp();
        }
        nextHeartbeat = now;
        tick();
    }

    /**
     * Leader: entries were appended and {@link #onAppended()} will run after the tasks queued now;
     * until then a follower's acknowledgement sends nothing new, so those entries leave in one
     * message per follower rather than in pieces between acknowledgements.
     */
    public void sendQueued() {
        leading.sendQueued();
    }

    /** New entries were appended locally (leader): send them on. */
    public void onAppended() {
        if (role == Role.LEADER) {
            leading.onAppended();
        }
    }

    /** A connection to {@code peer} was (re)made: what was in flight on the old one is lost. */
    public void onConnected(int peer) {
        if (role == Role.LEADER) {
            leading.onConnected(peer);
        }
    }

    /**
     * Appends what the leader sent (after cutting a conflicting tail) and acknowledges through
     * {@code replyTo} once it is durable here; refuses a stale leader or a log that does not match.
     */
    public void onAppendEntries(AppendEntries a, Consumer<Message> replyTo) {
        following.onAppendEntries(a, replyTo);
    }

    void follow(long leader, String clients, long term) {
        role = Role.FOLLOWER;
        preVote.cancel();
        if (leaderId != leader) {
            LOG.info("master {} follows master {} (clients at {}) in term {}", terms.self(), leader, clients, term);
            leaderId = leader;
            following.newLeader();
        }
        leaderClients = clients;
        timer.heardLeader();
    }

    /**
     * Whether this master leads, or as a follower heard from a leader within the shortest election
     * timeout (in this life or, in this process, an earlier one; since start-up after a restart):
     * a leader's read lease counts on such a master to vote for no one (see {@link ReadLease}).
     */
    boolean leaderAlive() {
        return role == Role.LEADER || role == Role.FOLLOWER && timer.leaderHeardLately();
    }

    /**
     * A piece of the leader's image arrived: whether to store it. It counts as word from the leader
     * (no election while an image comes in). The image is not needed when this log holds its last
     * entry with the same term: by log matching everything before it is the same.
     */
    public ImageVerdict onImagePart(ImagePart p) {
        return images.onPart(p);
    }

    /** Whether peer {@code peer} is being sent the image (this master leads and lacks its entries). */
    public boolean needsImage(int peer) {
        return images.needs(peer);
    }

    /** A follower answered a piece of the image; once it holds it all, entries follow the image. */
    public void onImageReply(int peer, ImageReply r) {
        images.onReply(peer, r, clock.millis());
    }

    /**
     * Where the changelog's own thread reports durability (any thread): a follower acknowledges at
     * once from there; {@link #onLocalDurable()} follows on the master thread.
     */
    public DurableAcks durableAcks() {
        return following.durableAcks();
    }

    /** Local durability moved: a leader may commit, a follower acknowledges. */
    public void onLocalDurable() {
        if (role == Role.LEADER) {
            leading.onLocalDurable();
        } else {
            following.ack(false);
        }
    }

    public void onAppendReply(int peer, AppendReply r) {
        observe(r.term());
        if (role != Role.LEADER || r.term() != term()) {
            return;
        }
        leading.onReply(peer, r);
        if (r.success()) {
            handOver.tryNow();
        }
    }

    /** Any message with a higher term makes this master a follower of that term at once. */
    void observe(long term) {
        if (term <= terms.term()) {
            return;
        }
        boolean led = role == Role.LEADER;
        handOver.cancel();
        preVote.cancel();
        following.stopAcks();
        terms.save(term, 0);
        role = Role.FOLLOWER;
        leaderId = 0;
        leaderClients = "";
        following.forget();
        // a higher term alone does not delay this master's own candidacy (only a granted vote or a
        // leader's entries do): otherwise a candidate with a shorter log, which cannot win, would
        // keep holding back the one that can
        if (led) {
            timer.restart();
            LOG.warn("leader {} saw term {}; steps down", terms.self(), term);
            events.steppedDown(term);
        }
    }

    /** Leader: the hand-over's target was told to stand; nothing more may land in this log. */
    void stepDownForHandOver() {
        LOG.info("leader {} of term {} steps down for the hand-over", terms.self(), term());
        stepDown(term());
    }

    private void stepDown(long term) {
        handOver.cancel();
        role = Role.FOLLOWER;
        leaderId = 0;
        timer.restart();
        events.steppedDown(term);
    }

    // ---- for the rules in collaborators (same package) ----

    long self() {
        return terms.self();
    }

    long leaderId() {
        return leaderId;
    }

    Progress progress() {
        return leading.progress();
    }

    void replicate(int peer, boolean heartbeat) {
        leading.replicate(peer, heartbeat);
    }

    RaftLog log() {
        return log;
    }

    RaftEvents events() {
        return events;
    }

    TermStore terms() {
        return terms;
    }

    ImageCatchUp images() {
        return images;
    }

    /** Follower: the leader says {@code version} is committed (and this log matches it up to there). */
    void commitTo(long version) {
        if (version > commit) {
            commit = version;
            log.committed(version);
        }
    }

    /** A vote was given: no election of its own for a while. */
    void voted() {
        timer.restart();
    }

    /** Now, on the core's clock (elapsed milliseconds). */
    long millis() {
        return clock.millis();
    }

    long heartbeatMillis() {
        return timing.heartbeat().toMillis();
    }
}
