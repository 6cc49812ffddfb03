package org.mfsj.master.namespace.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files that sessions hold open once their last name went (MooseFS's "sustained" files): inode ->
 * session -> opens not yet released. Replicated state, so that any master that leads next keeps
 * such a file until every session holding it released it or expired. Files that still have a name
 * are not here: their opens are counted only in the leader's memory, where they cost nothing.
 * Sorted maps, so images and dumps list holds in the same order on every master.
 */
public final class OpenHolds {
    private final Map<Long, Map<Long, Integer>> byInode = new TreeMap<>();

    /** {@code opens} more opens of {@code inode} by {@code session}. */
    public void add(long inode, long session, int opens) {
        if (opens <= 0) {
            throw new IllegalStateException("hold of inode " + inode + " by session " + session + " with " + opens);
        }
        byInode.computeIfAbsent(inode, k -> new TreeMap<>()).merge(session, opens, Integer::sum);
    }

    /**
     * Ends up to {@code releases} opens of {@code inode} by {@code session}; true when nobody holds
     * the inode any more.
     */
    public boolean release(long inode, long session, int releases) {
        Map<Long, Integer> holders = byInode.get(inode);
        if (holders == null || !holders.containsKey(session)) {
            throw new IllegalStateException("inode " + inode + " is not held by session " + session);
        }
        holders.computeIfPresent(session, (k, n) -> n > releases ? n - releases : null);
        if (holders.isEmpty()) {
            byInode.remove(inode);
            return true;
        }
        return false;
    }

    public boolean isHeld(long inode) {
        return byInode.containsKey(inode);
    }

    public boolean isHeldBy(long inode, long session) {
        Map<Long, Integer> holders = byInode.get(inode);
        return holders != null && holders.containsKey(session);
    }

    /** Inodes {@code session} holds, in inode order. */
    public List<Long> heldBy(long session) {
        List<Long> out = new ArrayList<>();
        byInode.forEach((inode, holders) -> {
            if (holders.containsKey(session)) {
                out.add(inode);
            }
        });
        return out;
    }

    /** Every holding session, for a new leader that must let them expire if their clients never return. */
    public List<Long> sessions() {
        return byInode.values().stream().flatMap(h -> h.keySet().stream()).distinct().sorted().toList();
    }

    /** Inode -> session -> opens, read-only, for images, dumps and checks. */
    public Map<Long, Map<Long, Integer>> all() {
        return Collections.unmodifiableMap(byInode);
    }

    public int size() {
        return byInode.size();
    }
}
