package org.mfsj.master;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.common.wire.client2master.TransferLeader;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.FollowerHello;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.mfsj.common.wire.master2follower.VoteReply;
import org.mfsj.master.exports.ExportsPush;
import org.mfsj.master.exports.ExportsSource;
import org.mfsj.master.exports.LiveExports;
import org.mfsj.master.ha.ElapsedClock;
import org.mfsj.master.ha.GroupCalls;
import org.mfsj.master.ha.HaLog;
import org.mfsj.master.ha.HaStats;
import org.mfsj.master.ha.ImageSender;
import org.mfsj.master.ha.IncomingImage;
import org.mfsj.master.ha.LeaderTransfer;
import org.mfsj.master.ha.Membership;
import org.mfsj.master.ha.NotLeaderInbound;
import org.mfsj.master.ha.PeerLinks;
import org.mfsj.master.ha.RaftCore;
import org.mfsj.master.ha.RaftEvents;
import org.mfsj.master.ha.RaftTiming;
import org.mfsj.master.ha.RequestHold;
import org.mfsj.master.ha.RoleInbound;
import org.mfsj.master.ha.ShadowReads;
import org.mfsj.master.ha.TermStore;
import org.mfsj.master.ha.VoterChange;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.image.ImageSaver;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.TermStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One life of a replicated master's metadata: loaded from disk, kept up to date as a follower, and
 * served once elected. It ends when the master stops leading or must drop entries it already
 * applied; the next one starts again from disk (image + changelog), so memory never holds a change
 * the group did not keep. Listeners and the term file outlive it ({@link ReplicatedMasterServer}).
 */
final class Incarnation implements RaftEvents, PeerLinks.Handler, GroupCalls {
    private static final Logger LOG = LoggerFactory.getLogger(Incarnation.class);
    private static final Duration TICK = Duration.ofMillis(50);
    /** Longer than a client takes to find the new leader and take its locks back (a few hundred ms). */
    static final Duration LOCK_GRACE = Duration.ofSeconds(5);

    /** What the owner does when this life ends or the changelog fails. */
    interface Owner {
        void ended(Incarnation which);

        void failed(Incarnation which);

        /**
         * This master's exports file as last read: a SIGHUP that reached a life as it ended (or
         * before the next one was current) is not lost to the life that comes to lead.
         */
        ExportsSource exports();
    }

    private final MasterConfig cfg;
    private final Clock clock;
    private ExportsSource exportsFile;
    private LiveExports exports;
    private final TermStore terms;
    private final Owner owner;
    private final String clientsAt;
    private final boolean standFirst;
    private final MasterThread master;
    private final NotLeaderInbound notLeader;
    private final PeerLinks links;
    private final Membership members;
    private VoterChange voterChange;
    private final RequestHold hold;
    private LeaderTransfer transfer;
    private ShadowReads shadow;
    private MetaStore store;
    private HaLog log;
    private ImageSaver saver;
    private ImageSender images;
    private IncomingImage incoming;
    private volatile RaftCore raft;
    private volatile MasterWiring wiring;
    private volatile boolean ended;
    private boolean flushQueued;
    /** A whole image from the leader waits in the data directory: the next life installs it. */
    private boolean imageReady;

    private Incarnation(MasterConfig cfg, Clock clock, ExportsSource exports, TermStore terms, EventLoopGroup group,
            Owner owner, String clientsAt, ServerAddress syncAt, boolean standFirst) {
        this.cfg = cfg;
        this.standFirst = standFirst;
        this.clock = clock;
        this.exportsFile = exports;
        this.terms = terms;
        this.owner = owner;
        this.clientsAt = clientsAt;
        this.notLeader = new NotLeaderInbound(clientsAt);
        // the master thread is the event loop of the connections to the other masters too
        this.master = MasterThread.on(group);
        this.hold = new RequestHold(master, this::leaseValid);
        this.links = new PeerLinks(group, cfg.ha().peers(), this);
        this.members = new Membership(links, syncAt, cfg.ha().peers());
    }

    /**
     * {@code standFirst}: stand for election soon (the preferred master's first life); a master
     * that reloads after leading waits a full timeout, so the leader that replaced it (say, after a
     * hand-over) reaches it first. {@code syncAt}: where the other masters reach this one.
     * {@code group}: the one-thread event loop this life's master thread runs on (it outlives the
     * life), where its links to the other masters are served too.
     */
    static Incarnation start(MasterConfig cfg, Clock clock, ExportsSource exports, TermStore terms,
            EventLoopGroup group, Owner owner, String clientsAt, ServerAddress syncAt, boolean standFirst)
            throws IOException {
        Incarnation i = new Incarnation(cfg, clock, exports, terms, group, owner, clientsAt, syncAt, standFirst);
        try {
            i.open();
        } catch (IOException | RuntimeException e) {
            i.close();
            throw e;
        }
        return i;
    }

    private void open() throws IOException {
        MetaState received = IncomingImage.installReady(cfg.dataPath(), clock);
        store = MetaStore.open(cfg.dataPath(), clock, cfg.defaultGoal(), received, master, () -> owner.failed(this),
                (state, durability) -> HaLog.open(cfg.dataPath(), state, cfg.changelogSegmentBytes(), master,
                        durability, this::localDurable, this::durableNow));
        log = (HaLog) store.log();
        log.onAppend(this::queueFlush);
        saver = new ImageSaver(cfg.dataPath(), log, clock, cfg.backLogs());
        // intervals only (timeouts, the read lease): a monotonic clock, which no one can step
        raft = new RaftCore(cfg.ha().peers().size(), log, terms, this, ElapsedClock.INSTANCE, RaftTiming.DEFAULT,
                new Random(), 0, standFirst, clientsAt);
        members.apply(log, raft);
        members.checkConfiguration(log);
        log.onVoters(() -> members.apply(log, raft));
        incoming = new IncomingImage(cfg.dataPath());
        images = new ImageSender(cfg.dataPath().resolve(ImageReader.NAME), terms.self(), clientsAt,
                new ImageSender.Link() {
                    @Override
                    public void send(int peer, Message m) {
                        links.send(peer, m);
                    }

                    @Override
                    public long term() {
                        return raft.term();
                    }

                    @Override
                    public String name(int peer) {
                        return links.address(peer).toString();
                    }
                }, p -> raft.needsImage(p), clock, cfg.ha().imageRate(), saver::saveNow);
        transfer = new LeaderTransfer(raft, hold, master, clock, clientsAt, links, log::lastVersion);
        voterChange = new VoterChange(raft, members, links, log, v -> store.journal().record(v, null), clock);
        exports = new LiveExports(() -> store.state().exports(), exportsFile);
        shadow = new ShadowReads(master, store.state().namespace(), exports, clock, () -> store.state().version(),
                raft::commitVersion, notLeader);
        links.start();
        master.every(TICK, () -> {
            // before the core's tick: a leader that removed itself answers before it steps down
            voterChange.tick();
            raft.tick();
            images.pump();
            transfer.tick();
            hold.resume();
            shadow.progress();
        });
        saver.schedule(cfg.metadataSaveFreq());
        LOG.info("master {} (id {}, sync {}) follows at version {}, term {}; voters {}", clientsAt, terms.self(),
                members.self(), store.state().version(), terms.term(), members.current(log));
    }

    private void localDurable() {
        RaftCore r = raft;
        if (r != null && !ended) {
            r.onLocalDurable();
        }
    }

    /** The changelog's thread: a follower acknowledges what it just forced without waiting for the master thread. */
    private void durableNow(long version) {
        RaftCore r = raft;
        if (r != null && !ended) {
            r.durableAcks().durable(version);
        }
    }

    /** Entries appended in one master task go out together. */
    private void queueFlush() {
        if (!flushQueued) {
            flushQueued = true;
            RaftCore r = raft;
            if (r != null) {
                r.sendQueued();
            }
            master.execute(() -> {
                flushQueued = false;
                if (!ended) {
                    raft.onAppended();
                }
            });
        }
    }

    /** Master thread: the leader may answer its clients (its read lease holds). */
    private boolean leaseValid() {
        RaftCore r = raft;
        return r != null && r.leaseValid();
    }

    Peer.Inbound clients() {
        MasterWiring w = wiring;
        return new RoleInbound(master, this, w != null && !ended ? hold.around(w.clients()) : shadow.inbound());
    }

    Peer.Inbound chunkservers() {
        MasterWiring w = wiring;
        return w != null && !ended ? w.chunkservers() : notLeader;
    }

    /** Requests of the other masters: votes asked, entries sent. */
    Peer.Inbound sync() {
        return (from, m) -> master.execute(() -> {
            if (ended) {
                return;
            }
            try {
                if (m instanceof RequestVote r) {
                    from.send(raft.onRequestVote(r));
                } else if (m instanceof PreVote r) {
                    from.send(raft.onPreVote(r));
                } else if (m instanceof AppendEntries a) {
                    if (from.attachment() == null) {
                        // once per connection: lets the leader know this master by its clients' address
                        from.attach(Boolean.TRUE);
                        from.send(new FollowerHello(0, raft.term(), terms.self(), clientsAt));
                    }
                    raft.onAppendEntries(a, from::send);
                    shadow.progress();
                } else if (m instanceof TimeoutNow t) {
                    raft.onTimeoutNow(t);
                } else if (m instanceof ImagePart p) {
                    ImageReply r = imagePart(p);
                    from.send(r);
                    if (imageReady) {
                        end("installs the leader's image of version " + p.imageVersion());
                    }
                } else {
                    LOG.warn("master {} sent {} as a request; closing", from.remote(), m.getClass().getSimpleName());
                    from.close();
                }
            } catch (RuntimeException e) {
                LOG.error("master {}: {} could not be handled; closing the connection", from.remote(),
                        m.getClass().getSimpleName(), e);
                from.close();
            }
        });
    }

    /** A piece of the leader's image: stored aside; once whole, this life ends and the next installs it. */
    private ImageReply imagePart(ImagePart p) {
        long self = terms.self();
        return switch (raft.onImagePart(p)) {
            case STALE -> new ImageReply(0, raft.term(), self, p.imageVersion(), 0, false);
            case HELD -> new ImageReply(0, raft.term(), self, p.imageVersion(), p.imageLength(), true);
            case STORE -> {
                IncomingImage.Held held = incoming.accept(p);
                imageReady = held.complete();
                yield new ImageReply(0, raft.term(), self, p.imageVersion(), held.nextOffset(), held.complete());
            }
        };
    }

    @Override
    public MasterRoleReply role(int msgId) {
        RaftCore r = raft;
        return new MasterRoleReply(msgId, Status.OK, r.role().name().toLowerCase(java.util.Locale.ROOT), r.term(),
                store.state().version(), r.commitVersion(), r.leaderClients(), incoming.progress(),
                String.join(",", members.current(log)));
    }

    @Override
    public void connected(int peer) {
        master.execute(() -> {
            if (!ended) {
                images.reconnected(peer);
                raft.onConnected(peer);
            }
        });
    }

    @Override
    public void received(int peer, Peer from, Message m) {
        master.execute(() -> {
            if (ended) {
                return;
            }
            if (m instanceof VoteReply v) {
                raft.onVoteReply(peer, v);
            } else if (m instanceof PreVoteReply v) {
                raft.onPreVoteReply(peer, v);
            } else if (m instanceof AppendReply a) {
                raft.onAppendReply(peer, a);
                hold.resume();
            } else if (m instanceof ImageReply r) {
                raft.onImageReply(peer, r);
                images.answered(peer, r);
            } else if (m instanceof FollowerHello h) {
                transfer.heard(peer, h.clientsAt());
            } else {
                LOG.warn("master {} sent {} as an answer; ignored", from.remote(), m.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void send(int peer, Message m) {
        links.send(peer, m);
    }

    @Override
    public void sendToAll(Collection<Integer> peers, Message m) {
        links.sendToAll(peers, m);
    }

    @Override
    public void sendImage(int peer) {
        images.start(peer);
    }

    @Override
    public void becameLeader(long term) {
        // this log is final up to here: a chunk created in it that no file holds never will be
        store.dropUnclaimedChunks();
        // built first: it reads the version (0 = a new file system) and changes nothing yet
        MasterWiring w = MasterWiring.build(cfg, clock, master, store, saver, exports);
        // then the term's own entry, before any other: the entries of earlier terms commit with it
        store.journal().record(new TermStart(term), null);
        exportsFile = owner.exports();
        exports.local(exportsFile);
        ExportsPush.atLeadership(exportsFile, store.journal(), clientsAt);
        master.every(cfg.chunksLoopTime(), unlessHandingOver(w.chunkLoop()));
        Duration away = cfg.sessionSustainTime().compareTo(cfg.sessionLocksTimeout()) <= 0 ? cfg.sessionSustainTime()
                : cfg.sessionLocksTimeout();
        master.every(MasterServer.sessionSweep(away), unlessHandingOver(w.sessionSweep()));
        master.every(Duration.ofSeconds(1), unlessHandingOver(w.trashPurge()));
        w.followerReads().onFirstWatcher(raft::pushCommits);
        if (term > 1) {
            // an earlier leader may have granted locks that its clients are about to reclaim here
            w.locks().startGrace(LOCK_GRACE);
        }
        wiring = w;
        LOG.info("master {} serves clients and chunkservers as leader of term {}", clientsAt, term);
    }

    /**
     * A periodic job that may change metadata, skipped while leadership is being handed over: an
     * entry logged after the target was told it holds everything would make the other masters
     * refuse it their votes, and the hand-over would fail (client requests are held for the same
     * reason).
     */
    private Runnable unlessHandingOver(Runnable job) {
        return () -> {
            if (!hold.holding()) {
                job.run();
            }
        };
    }

    /** This master's exports file was read again (SIGHUP): the leader makes it the cluster's. */
    void reloadExports(ExportsSource file) {
        master.execute(() -> {
            exportsFile = file;
            exports.local(file);
            if (wiring != null && !ended) {
                ExportsPush.onReload(file, store.journal(), clientsAt);
            } else {
                LOG.info("master {} re-read {}; it is not the leader: the cluster's exports change when the leader "
                        + "is sent SIGHUP, or when this master leads with the newer file", clientsAt, file.file());
            }
        });
    }

    @Override
    public void transfer(Peer from, TransferLeader t) {
        transfer.start(from, t);
    }

    @Override
    public void changeVoters(Peer from, ChangeVoters c) {
        voterChange.start(from, c);
    }

    @Override
    public long readsServed() {
        return shadow.served();
    }

    @Override
    public void steppedDown(long term) {
        log.seal();
        end("stepped down in term " + term);
    }

    @Override
    public void reloadNeeded() {
        end("its metadata holds entries the leader dropped");
    }

    private void end(String why) {
        if (!ended) {
            ended = true;
            LOG.warn("master {} reloads its metadata from disk: {}", clientsAt, why);
            owner.ended(this);
        }
    }

    /** Counters of this life, read on the master thread (benchmarks). */
    CompletableFuture<HaStats> stats() {
        CompletableFuture<HaStats> out = new CompletableFuture<>();
        master.execute(() -> {
            long[] commits = log.commitStats();
            long[] sent = raft.sendStats();
            out.complete(new HaStats(raft.role().name().toLowerCase(Locale.ROOT),
                    commits[0], commits[1], sent[0], sent[1]));
        });
        return out;
    }

    /** For tests and status: the metadata store of this life. */
    MetaStore store() {
        return store;
    }

    void close() {
        ended = true;
        links.close();
        if (images != null) {
            images.close();
        }
        if (incoming != null) {
            incoming.close();
        }
        if (saver != null) {
            saver.close();
        }
        master.close();
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                LOG.error("changelog did not close cleanly", e);
            }
        }
    }
}
