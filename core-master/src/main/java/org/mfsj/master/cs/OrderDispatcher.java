package org.mfsj.master.cs;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.Order;
import org.mfsj.master.chunks.ReplicationTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the planner's orders and records what they achieved. A copy ordered deleted
 * leaves the registry at once, so the next pass does not order it again; should the delete
 * fail, the server reports the copy at its next registration and it is judged afresh.
 */
public final class OrderDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OrderDispatcher.class);

    private final ChunkRegistry registry;
    private final ReplicationTracker inflight;
    private final CsOrders orders;

    public OrderDispatcher(ChunkRegistry registry, ReplicationTracker inflight, CsOrders orders) {
        this.registry = registry;
        this.inflight = inflight;
        this.orders = orders;
    }

    public void execute(List<Order> planned) {
        for (Order o : planned) {
            if (o instanceof Order.Delete d) {
                delete(d);
            } else if (o instanceof Order.Replicate r) {
                replicate(r);
            }
        }
    }

    private void delete(Order.Delete d) {
        registry.removeCopy(d.server(), d.chunkId());
        LOG.info("deleting {} copy of chunk {} ({}) on chunkserver {}", d.reason().name().toLowerCase(),
                hex(d.chunkId()), d.version() == 0 ? "any version" : "v" + d.version(), d.server());
        orders.delete(d.server(), d.chunkId(), d.version()).thenAccept(st -> {
            if (!st.isOk() && st != Status.NO_SUCH_CHUNK) {
                LOG.warn("chunkserver {} failed to delete chunk {}: {}", d.server(), hex(d.chunkId()), st);
            }
        });
    }

    private void replicate(Order.Replicate r) {
        ReplicationTracker.Job job = new ReplicationTracker.Job(r.chunkId(), r.version(), r.source(), r.target());
        inflight.start(job);
        LOG.info("replicating chunk {} v{} from chunkserver {} to chunkserver {}", hex(r.chunkId()), r.version(),
                r.source(), r.target());
        orders.replicate(r.target(), r.chunkId(), r.version(), r.source().dataAddress()).thenAccept(st -> {
            inflight.finish(job);
            if (!st.isOk()) {
                LOG.warn("chunkserver {} failed to replicate chunk {} from {}: {}", r.target(), hex(r.chunkId()),
                        r.source(), st);
            } else if (r.target().connected()) {
                // if the chunk moved on meanwhile (new version, or unreferenced), the new copy is
                // stale or orphaned and the next pass deletes it
                registry.addCopy(r.target(), r.chunkId(), r.version());
            }
        });
    }
}
