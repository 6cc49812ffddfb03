package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mfsj.common.types.ServerAddress;

/**
 * The chunks this client wrote and nobody has forced on request yet, by inode, with every server
 * that holds a copy; and failures of background forces not yet reported. Kept per inode, not per
 * handle, so an fsync covers what any handle wrote since the last one, closed handles included.
 * Chunks taken to be forced count as in flight for their inode until {@link #done}: an fsync
 * that finds nothing left must still wait for them ({@link #awaitNoneInFlight}), or it would
 * answer before a concurrent fsync or background sync has them on disk. Thread-safe (one monitor:
 * every call is a few map operations).
 */
final class WrittenChunks {
    /** One chunk written since the last fsync: the latest version and every server that had a session. */
    record Written(long chunkId, int version, Set<ServerAddress> servers, long sinceNanos) {
    }

    private final Map<Long, Map<Long, Written>> byInode = new HashMap<>();
    private final Map<Long, String> failures = new HashMap<>();
    private final Map<Long, Integer> inFlight = new HashMap<>();
    private int count;

    synchronized void add(long inode, long chunkId, int version, List<ServerAddress> chain, long nowNanos) {
        Map<Long, Written> chunks = byInode.computeIfAbsent(inode, k -> new HashMap<>());
        Written old = chunks.get(chunkId);
        if (old == null) {
            chunks.put(chunkId, new Written(chunkId, version, new LinkedHashSet<>(chain), nowNanos));
            count++;
            return;
        }
        // a server left out of a later chain still holds the earlier data unforced: keep asking it
        Set<ServerAddress> servers = new LinkedHashSet<>(old.servers());
        servers.addAll(chain);
        int newest = Integer.compareUnsigned(version, old.version()) > 0 ? version : old.version();
        chunks.put(chunkId, new Written(chunkId, newest, servers, old.sinceNanos()));
    }

    /** Everything written to {@code inode}, now in flight: the caller forces it, then calls {@link #done}. */
    synchronized List<Written> take(long inode) {
        inFlight.merge(inode, 1, Integer::sum);
        Map<Long, Written> chunks = byInode.remove(inode);
        if (chunks == null) {
            return List.of();
        }
        count -= chunks.size();
        return new ArrayList<>(chunks.values());
    }

    /** The forcing of what one {@link #take} or {@link #takeOlderThan} gave for {@code inode} is over. */
    synchronized void done(long inode) {
        inFlight.computeIfPresent(inode, (k, n) -> n > 1 ? n - 1 : null);
        notifyAll();
    }

    /** Waits until nothing of {@code inode} is being forced by anyone. */
    synchronized void awaitNoneInFlight(long inode) throws InterruptedException {
        while (inFlight.containsKey(inode)) {
            wait();
        }
    }

    /** Everything written before {@code nanos}, by inode, now in flight (see {@link #done}). */
    synchronized Map<Long, List<Written>> takeOlderThan(long nanos) {
        Map<Long, List<Written>> out = new HashMap<>();
        byInode.entrySet().removeIf(e -> {
            List<Written> old = new ArrayList<>();
            e.getValue().values().removeIf(w -> {
                if (w.sinceNanos() - nanos < 0) {
                    old.add(w);
                    return true;
                }
                return false;
            });
            if (!old.isEmpty()) {
                out.put(e.getKey(), old);
                count -= old.size();
                inFlight.merge(e.getKey(), 1, Integer::sum);
            }
            return e.getValue().isEmpty();
        });
        return out;
    }

    /** A background force of {@code inode}'s data failed: its next fsync reports it. */
    synchronized void failed(long inode, String why) {
        failures.merge(inode, why, (a, b) -> a + "; " + b);
    }

    /** The failure kept for {@code inode}, or null; reported once. */
    synchronized String takeFailure(long inode) {
        return failures.remove(inode);
    }

    synchronized int size() {
        return count;
    }
}
