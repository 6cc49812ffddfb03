package org.mfsj.master.cs;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.time.Clock;
import java.time.Instant;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.ReplicationGate;
import org.mfsj.master.chunks.ReplicationPlanner;
import org.mfsj.master.chunks.ReplicationTracker;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.WriteLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One pass of the chunk loop (run every CHUNKS_LOOP_TIME on the master thread): plan, then dispatch. */
public final class ReplicationLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationLoop.class);

    private final ChunkRegistry registry;
    private final ServerTable servers;
    private final WriteLocks locks;
    private final ReplicationTracker inflight;
    private final ReplicationGate gate;
    private final ReplicationPlanner planner;
    private final OrderDispatcher dispatcher;
    private final Clock clock;

    public ReplicationLoop(ChunkRegistry registry, ServerTable servers, WriteLocks locks, ReplicationTracker inflight,
                           ReplicationGate gate, ReplicationPlanner planner, OrderDispatcher dispatcher, Clock clock) {
        this.registry = registry;
        this.servers = servers;
        this.locks = locks;
        this.inflight = inflight;
        this.gate = gate;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        for (long id : locks.expire(now)) {
            LOG.warn("write lock of chunk {} timed out; the writer never ended its write", hex(id));
        }
        if (gate.jobsAllowed(now)) {
            dispatcher.execute(planner.plan(registry, servers.connected(), inflight, locks::isLocked,
                    gate.replicationAllowed(now)));
        }
    }
}
