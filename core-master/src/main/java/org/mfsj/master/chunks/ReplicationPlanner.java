package org.mfsj.master.chunks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Decides, from the registry alone, what the chunkservers should do to bring every chunk to its
 * goal. It sends nothing and changes nothing, so it can be tested with plain objects; the
 * dispatcher carries the orders out and records what they achieved.
 *
 * <p>Rules, for every chunk not open for writing:
 * <ul>
 *   <li>unreferenced (goal 0, including orphans a server reported): delete every copy;</li>
 *   <li>stale copies (an older version) are deleted, but only while a valid copy exists, since a
 *       stale copy is still better than none;</li>
 *   <li>overgoal: delete valid copies from the fullest servers down to the goal;</li>
 *   <li>undergoal: replicate, the chunks with the fewest valid copies first, from a valid copy
 *       onto the usable server with most free space that has no copy, within per-server limits
 *       on replications being written and read. Replication can be switched off for a while
 *       (after start-up or a disconnection the missing copies may still come back).</li>
 * </ul>
 */
public final class ReplicationPlanner {
    /**
     * Most replications a server may receive, and serve as the source of, at the same time; and
     * most deletions sent to one server per pass, so a server returning with a million orphans is
     * not flooded (the rest follow in later passes).
     */
    public record Limits(int writesPerServer, int readsPerServer, int deletesPerServer) {
        public static final int DEFAULT_DELETES_PER_SERVER = 500;

        public Limits(int writesPerServer, int readsPerServer) {
            this(writesPerServer, readsPerServer, DEFAULT_DELETES_PER_SERVER);
        }
    }

    private final Limits limits;

    public ReplicationPlanner(Limits limits) {
        this.limits = limits;
    }

    public List<Order> plan(ChunkRegistry registry, Collection<StorageServer> servers, ReplicationTracker inflight,
                            LongPredicate locked, boolean replicate) {
        List<Order> orders = new ArrayList<>();
        List<Chunk> undergoal = new ArrayList<>();
        // settled chunks would give no order, so only the others are walked
        for (Chunk c : registry.needingAttention()) {
            if (locked.test(c.id())) {
                continue;
            }
            if (!c.referenced()) {
                c.replicas().forEach(r -> orders.add(new Order.Delete(c.id(), 0, r.server(), Order.Reason.UNREFERENCED)));
                continue;
            }
            int valid = c.validCount();
            if (valid == 0) {
                continue;
            }
            deleteStale(c, orders);
            if (valid > c.goal()) {
                deleteOvergoal(c, inflight, orders);
            } else if (replicate && valid + inflight.pending(c.id()) < c.goal()) {
                undergoal.add(c);
            }
        }
        if (!undergoal.isEmpty()) {
            undergoal.sort(Comparator.comparingInt(Chunk::validCount)
                    .thenComparing(Comparator.comparingInt((Chunk c) -> c.goal() - c.validCount()).reversed())
                    .thenComparing(Chunk::id, Long::compareUnsigned));
            new Replications(servers, inflight).plan(undergoal, orders);
        }
        return capDeletions(orders);
    }

    private List<Order> capDeletions(List<Order> orders) {
        Map<StorageServer, Integer> perServer = new HashMap<>();
        List<Order> kept = new ArrayList<>(orders.size());
        for (Order o : orders) {
            if (!(o instanceof Order.Delete d)
                    || perServer.merge(d.server(), 1, Integer::sum) <= limits.deletesPerServer()) {
                kept.add(o);
            }
        }
        return kept;
    }

    private static void deleteStale(Chunk c, List<Order> orders) {
        for (Replica r : c.replicas()) {
            if (!c.isValid(r)) {
                orders.add(new Order.Delete(c.id(), r.version(), r.server(), Order.Reason.STALE));
            }
        }
    }

    private static void deleteOvergoal(Chunk c, ReplicationTracker inflight, List<Order> orders) {
        int extra = c.validCount() - c.goal();
        // a copy being read by a replication in flight is kept, or that replication would fail
        c.validReplicas().stream()
                .filter(r -> !inflight.isSource(c.id(), r.server()))
                .sorted(Comparator.comparingDouble((Replica r) -> r.server().usage()).reversed()
                        .thenComparing(r -> r.server().id(), Long::compareUnsigned))
                .limit(extra)
                .forEach(r -> orders.add(new Order.Delete(c.id(), r.version(), r.server(), Order.Reason.OVERGOAL)));
    }

    /** One pass of replication choices, counting this pass's own orders against the limits. */
    private final class Replications {
        private final Collection<StorageServer> servers;
        private final ReplicationTracker inflight;
        private final Map<StorageServer, Integer> writes = new HashMap<>();
        private final Map<StorageServer, Integer> reads = new HashMap<>();

        private Replications(Collection<StorageServer> servers, ReplicationTracker inflight) {
            this.servers = servers;
            this.inflight = inflight;
        }

        private void plan(List<Chunk> undergoal, List<Order> orders) {
            for (Chunk c : undergoal) {
                int missing = c.goal() - c.validCount() - inflight.pending(c.id());
                List<StorageServer> chosen = new ArrayList<>();
                for (int i = 0; i < missing; i++) {
                    Optional<StorageServer> target = ChunkPlacement.target(servers, s -> !c.hasCopyOn(s)
                            && !chosen.contains(s) && !inflight.isTarget(c.id(), s)
                            && writes(s) < limits.writesPerServer());
                    Optional<StorageServer> source = c.validReplicas().stream()
                            .map(Replica::server)
                            .filter(s -> reads(s) < limits.readsPerServer())
                            .min(Comparator.comparingInt(this::reads).thenComparing(StorageServer::id, Long::compareUnsigned));
                    if (target.isEmpty() || source.isEmpty()) {
                        break;
                    }
                    chosen.add(target.get());
                    writes.merge(target.get(), 1, Integer::sum);
                    reads.merge(source.get(), 1, Integer::sum);
                    orders.add(new Order.Replicate(c.id(), c.version(), source.get(), target.get()));
                }
            }
        }

        private int writes(StorageServer s) {
            return inflight.writesTo(s) + writes.getOrDefault(s, 0);
        }

        private int reads(StorageServer s) {
            return inflight.readsFrom(s) + reads.getOrDefault(s, 0);
        }
    }
}
