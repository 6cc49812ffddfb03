package org.mfsj.master;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.mfsj.common.locks.LockTable;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ReplyCounts;
import org.mfsj.common.wire.client2master.ReplyCountsReply;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.CopiesGrace;
import org.mfsj.master.chunks.ReplicationGate;
import org.mfsj.master.chunks.ReplicationPlanner;
import org.mfsj.master.chunks.ReplicationTracker;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.WriteLocks;
import org.mfsj.master.cs.ChunkCommands;
import org.mfsj.master.cs.ChunkServerInbound;
import org.mfsj.master.cs.ChunkServerLinks;
import org.mfsj.master.cs.ChunkServerManager;
import org.mfsj.master.cs.CsOrders;
import org.mfsj.master.cs.OrderDispatcher;
import org.mfsj.master.cs.ReplicationLoop;
import org.mfsj.master.exports.LiveExports;
import org.mfsj.master.image.ImageSaver;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.meta.Durability;
import org.mfsj.master.meta.Journal;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.ClientInbound;
import org.mfsj.master.net.ReplyGate;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.service.AdminCalls;
import org.mfsj.master.service.ChunkGrants;
import org.mfsj.master.service.ChunkReads;
import org.mfsj.master.service.ChunkWrites;
import org.mfsj.master.service.FollowerReadCalls;
import org.mfsj.master.service.LockCalls;
import org.mfsj.master.service.NamespaceCalls;
import org.mfsj.master.service.ObjectCalls;
import org.mfsj.master.service.OpenCalls;
import org.mfsj.master.service.RetryCache;
import org.mfsj.master.service.SaveImageCall;
import org.mfsj.master.service.ScratchCalls;
import org.mfsj.master.service.DirChangeCalls;
import org.mfsj.master.service.DirLeaseCalls;
import org.mfsj.master.service.SetAttrCall;
import org.mfsj.master.service.QuotaCalls;
import org.mfsj.master.service.SessionCalls;
import org.mfsj.master.service.TrashCalls;
import org.mfsj.master.session.SessionRegistry;

/**
 * Builds the master's object graph: the state (all of it owned by the master thread), the
 * collaborators each part needs, and the client dispatch table. Only construction lives here.
 */
record MasterWiring(Peer.Inbound clients, Peer.Inbound chunkservers, Runnable chunkLoop, Runnable sessionSweep,
        Runnable trashPurge, Executor master, Journal journal, FollowerReadCalls followerReads, LockCalls locks) {

    static MasterWiring build(MasterConfig cfg, Clock clock, MasterThread master, MetaStore store, ImageSaver saver,
            LiveExports exports) {
        Namespace ns = store.state().namespace();
        ChunkRegistry registry = store.state().chunks();
        Journal journal = store.journal();
        ChunkLog chunkLog = new ChunkLog(registry, journal, store.durability());
        ServerTable servers = new ServerTable();
        WriteLocks locks = new WriteLocks(WriteLocks.DEFAULT_TIMEOUT, WriteLocks.DEFAULT_MAX_WAIT, master,
                journal::asCurrentRequest);
        ReplicationTracker inflight = new ReplicationTracker();
        var gate = new ReplicationGate(clock.instant(), cfg.replicationsDelayInit(), cfg.replicationsDelayDisconnect());
        SessionRegistry sessions = new SessionRegistry(cfg.sessionSustainTime());
        sessions.reserveUpTo(store.state().maxSession());
        ChunkServerLinks links = new ChunkServerLinks();
        CsOrders orders = new CsOrders(links, master);
        ChunkCommands commands = new ChunkCommands(registry, orders, chunkLog);
        ChunkServerManager manager = new ChunkServerManager(servers, registry, links, gate, clock,
                () -> store.state().term());
        ReplicationPlanner planner = new ReplicationPlanner(
                new ReplicationPlanner.Limits(cfg.writeReplicationLimit(), cfg.readReplicationLimit()));
        ReplicationLoop loop = new ReplicationLoop(registry, servers, locks, inflight, gate, planner,
                new OrderDispatcher(registry, inflight, orders), clock);

        SessionCalls sessionCalls = new SessionCalls(ns, sessions, clock, exports, journal);
        sessionCalls.setTerm(() -> store.state().term());
        RequestDispatcher dispatcher = new RequestDispatcher(sessionCalls);
        Durability durability = store.durability();
        FollowerReadCalls followerReads = new FollowerReadCalls();
        followerReads.register(dispatcher);
        holdReplies(dispatcher, journal, durability, followerReads, master);
        ChunkGrants grants = new ChunkGrants(locks);
        dispatcher.setRetries(new RetryCache(journal, grants));
        sessionCalls.register(dispatcher);
        new NamespaceCalls(ns).register(dispatcher);
        new SetAttrCall(ns, registry, locks, commands, chunkLog, clock).register(dispatcher);
        // built when this master starts to lead: the chunkservers are registering from now on
        CopiesGrace grace = new CopiesGrace(clock, cfg.ha().copiesPending());
        ChunkReads reads = new ChunkReads(ns, registry, grace);
        reads.register(dispatcher);
        ChunkWrites writes = new ChunkWrites(ns, registry, servers, locks, commands, chunkLog, clock, grace);
        writes.register(dispatcher);
        new SaveImageCall(saver, master).register(dispatcher);
        new AdminCalls(ns, registry, servers, sessions).register(dispatcher);
        LockCalls lockCalls = new LockCalls(ns, new LockTable(), clock);
        lockCalls.register(dispatcher);
        sessionCalls.onSessionAway(cfg.sessionLocksTimeout(), s -> {
            lockCalls.releaseSession(s);
            s.releaseAll();
        });
        sessionCalls.onSessionDropped(lockCalls::releaseSession);
        sessionCalls.setLockCounter(lockCalls::heldBy);
        OpenCalls openCalls = new OpenCalls(ns, sessions, clock, reportWindow(store, cfg.ha().opensReport()));
        openCalls.register(dispatcher);
        openCalls.keepHolders(clock.instant());
        sessionCalls.onSessionDropped(openCalls::sessionDropped);
        ObjectCalls objects = new ObjectCalls(ns, reads);
        objects.register(dispatcher);
        new ScratchCalls(ns, objects, writes, grants).register(dispatcher);
        new DirChangeCalls(ns).register(dispatcher);
        DirLeaseCalls.serve(dispatcher, ns, master);
        dispatcher.on(ReplyCounts.class, (p, r) -> {
            long[] n = dispatcher.replyCounts();
            return new ReplyCountsReply(r.msgId(), Status.OK, n[0], n[1]);
        }, (id, st) -> new ReplyCountsReply(id, st, 0, 0));
        new QuotaCalls(ns).register(dispatcher);
        TrashCalls trash = new TrashCalls(ns);
        trash.register(dispatcher);
        long version = store.state().version();
        master.execute(() -> {
            ScratchCalls.skipIdGap(ns, registry, version);
            trash.initNewFileSystem(version, cfg.defaultTrashTime());
        });

        return new MasterWiring(new ClientInbound(master, master::inThread, dispatcher), new ChunkServerInbound(master, manager),
                loop, sessionCalls::purgeIdle, () -> {
                    // run every second: the trash's expiry and the end of the window for open reports
                    trash.purgeExpired();
                    openCalls.sweep();
                }, master, journal, followerReads,
                lockCalls);
    }

    /**
     * How long clients of earlier leaders (or of this master before a restart) may take to report
     * their opens: none if no session was ever opened before, as on a new file system.
     */
    private static Duration reportWindow(MetaStore store, Duration configured) {
        return store.state().maxSession() > 0 ? configured : Duration.ZERO;
    }

    /**
     * Replies wait for durability, but those answered once applied; each request's changes are
     * forced together at its end, or (answered once applied) with the next change someone waits for.
     */
    private static void holdReplies(RequestDispatcher dispatcher, Journal journal, Durability durability,
            FollowerReadCalls followerReads, MasterThread master) {
        dispatcher.setReplyGate(replyGate(journal, durability, followerReads, master));
        dispatcher.setForceDeferral(journal);
    }

    /**
     * Every reply waits until every change made so far is durable (so it reports none a crash could
     * lose), but scratch changes at the very end of the log (see {@link Journal#replyVersion}). A
     * reply its client does not wait for is flushed at the end of the master thread's turn, after a
     * force made there, so it goes out in one write with the reply that force released.
     */
    private static ReplyGate replyGate(Journal journal, Durability durability, FollowerReadCalls followerReads,
            MasterThread master) {
        return new ReplyGate() {
            @Override
            public void send(Peer to, Message reply) {
                hold(to, reply, false);
            }

            @Override
            public void sendWithNext(Peer to, Message reply) {
                hold(to, reply, true);
            }

            private void hold(Peer to, Message reply, boolean withNext) {
                long version = journal.replyVersion();
                Message notice = followerReads.noticeBefore(to, version);
                durability.send(version, () -> {
                    if (notice != null) {
                        to.send(notice);
                    }
                    if (withNext) {
                        to.sendLater(reply);
                        master.afterTurn(to::flush);
                    } else {
                        to.send(reply);
                    }
                });
            }
        };
    }
}
