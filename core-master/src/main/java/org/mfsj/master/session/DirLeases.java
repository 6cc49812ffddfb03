package org.mfsj.master.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.DirLeaseRecall;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.DirWatch;
import org.mfsj.master.net.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases on directories' names, by connection (as NFSv4 directory delegations): a client that
 * holds one answers "no such file" for names it knows are absent without asking. Before another
 * connection's change of those names is answered, each holder is sent a recall and the answer
 * waits for its give-back, or for {@link #ACK_WAIT} (longer than a client trusts a lease from
 * the moment it asked: a holder that does not answer trusts it no more by then). A holder's own
 * changes recall nothing: it keeps its copy of the names up to date itself. Changes made outside
 * a request (none today) recall at once without waiting. Master thread only; nothing here is
 * metadata: a restarted or new leader has no leases, and clients drop theirs with the connection.
 */
public final class DirLeases implements DirWatch, RequestDispatcher.ChangeWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DirLeases.class);
    /** How long a recalled change waits for a holder that does not give its lease back. */
    public static final Duration ACK_WAIT = Duration.ofSeconds(7);
    /** Leases one connection may hold; for one more, its oldest is recalled (removed directories' too). */
    public static final int MAX_PER_PEER = 4096;

    private final Executor masterThread;
    private final long ackWaitMs;
    private final int maxPerPeer;
    private final Map<Long, List<Peer>> holders = new HashMap<>();
    private final Map<Peer, Set<Long>> byPeer = new HashMap<>();
    private final Map<Recall, CompletableFuture<Void>> unanswered = new HashMap<>();
    /** The connection whose request is being served, or null between requests. */
    private Peer serving;
    private final List<CompletableFuture<Void>> waits = new ArrayList<>();
    private long recalls;

    public DirLeases(Executor masterThread) {
        this(masterThread, ACK_WAIT, MAX_PER_PEER);
    }

    DirLeases(Executor masterThread, Duration ackWait, int maxPerPeer) {
        this.masterThread = masterThread;
        this.ackWaitMs = ackWait.toMillis();
        this.maxPerPeer = maxPerPeer;
    }

    private record Recall(Peer holder, long dir) {
    }

    /**
     * Grants {@code holder} a lease on {@code dir}'s names; nothing to a connection already closed
     * (an ask held while the read lease lapsed runs after its connection's close was handled: a
     * lease kept then would keep that connection here until the directory next changed).
     */
    public void grant(Peer holder, DirNode dir) {
        if (!holder.isActive()) {
            return;
        }
        Set<Long> mine = byPeer.computeIfAbsent(holder, p -> new LinkedHashSet<>());
        if (mine.contains(dir.id())) {
            return;
        }
        if (mine.size() >= maxPerPeer) {
            // nothing waits for this recall: the holder's own request is being served
            long oldest = mine.iterator().next();
            recall(holder, oldest, null);
            mine = byPeer.computeIfAbsent(holder, p -> new LinkedHashSet<>());
        }
        mine.add(dir.id());
        holders.computeIfAbsent(dir.id(), d -> new ArrayList<>(2)).add(holder);
        dir.watch(this);
    }

    /** Whether {@code holder} still holds a lease on {@code dir} (not recalled since it was granted). */
    public boolean holds(Peer holder, long dir) {
        Set<Long> mine = byPeer.get(holder);
        return mine != null && mine.contains(dir);
    }

    /** {@code holder} gave its lease on {@code dir} back: a change waiting for that may be answered. */
    public void givenBack(Peer holder, long dir, DirNode node) {
        drop(holder, dir, node);
        CompletableFuture<Void> f = unanswered.remove(new Recall(holder, dir));
        if (f != null) {
            f.complete(null);
        }
    }

    /** Recalls sent so far (for tests and status). */
    public long recalls() {
        return recalls;
    }

    @Override
    public void begin(Peer from) {
        serving = from;
    }

    @Override
    public CompletionStage<Void> end() {
        serving = null;
        if (waits.isEmpty()) {
            return null;
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
        waits.clear();
        return all;
    }

    @Override
    public void namesChanged(DirNode dir) {
        List<Peer> list = holders.get(dir.id());
        if (list == null) {
            dir.watch(null);
            return;
        }
        for (Peer holder : List.copyOf(list)) {
            if (holder != serving) {
                CompletableFuture<Void> answered = recall(holder, dir.id(), dir);
                if (serving != null) {
                    waits.add(answered);
                }
            }
        }
    }

    /** Sends {@code holder} the recall of its lease on {@code dir} ({@code node}: that directory, if at hand). */
    private CompletableFuture<Void> recall(Peer holder, long dir, DirNode node) {
        drop(holder, dir, node);
        recalls++;
        Recall key = new Recall(holder, dir);
        CompletableFuture<Void> answered = unanswered.computeIfAbsent(key, k -> new CompletableFuture<>());
        if (!holder.isActive()) {
            unanswered.remove(key);
            answered.complete(null);
            return answered;
        }
        LOG.debug("recalling the lease of client {} on directory {}", holder.remote(), dir);
        holder.send(new DirLeaseRecall(0, dir));
        CompletableFuture.delayedExecutor(ackWaitMs, TimeUnit.MILLISECONDS, masterThread).execute(() -> {
            if (unanswered.remove(key, answered) && answered.complete(null)) {
                LOG.warn("client {} did not give back its lease on directory {} within {} ms; its lease has run out",
                        holder.remote(), dir, ackWaitMs);
            }
        });
        return answered;
    }

    private void drop(Peer holder, long dir, DirNode node) {
        Set<Long> mine = byPeer.get(holder);
        if (mine != null && mine.remove(dir) && mine.isEmpty()) {
            byPeer.remove(holder);
        }
        List<Peer> list = holders.get(dir);
        if (list != null && list.remove(holder) && list.isEmpty()) {
            holders.remove(dir);
            if (node != null && node.watch() == this) {
                node.watch(null);
            }
        }
    }

    /** {@code peer} closed: its leases go, and no change waits for it any more. */
    @Override
    public void closed(Peer peer) {
        Set<Long> mine = byPeer.remove(peer);
        if (mine != null) {
            for (long dir : mine) {
                List<Peer> list = holders.get(dir);
                if (list != null && list.remove(peer) && list.isEmpty()) {
                    // the directory's watch stays until its next change finds no holder
                    holders.remove(dir);
                }
            }
        }
        List<CompletableFuture<Void>> freed = new ArrayList<>();
        unanswered.entrySet().removeIf(e -> e.getKey().holder() == peer && freed.add(e.getValue()));
        freed.forEach(f -> f.complete(null));
    }
}
