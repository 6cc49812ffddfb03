package org.mfsj.master.ha;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who counts in a majority: the voting peers (indexes into the peer list) and whether this master
 * votes too, as the newest voter set in its log says; used from the moment it is in the log, not
 * once committed (Raft's single-server changes). The leader also sends entries to the peers it is
 * bringing up to date before they become voters; they count in nothing. Master thread only.
 */
public final class Quorum {
    private final RaftCore raft;
    private final Set<Integer> voters = new TreeSet<>();
    private final Set<Integer> catchingUp = new TreeSet<>();
    private boolean selfVotes = true;
    /** The version of the log entry that set the voters (0: the configuration's). */
    private long version;

    Quorum(RaftCore raft, int peers) {
        this.raft = raft;
        for (int p = 0; p < peers; p++) {
            voters.add(p);
        }
    }

    /**
     * The voters as the newest voter set in the log names them: {@code peers} the voting peers,
     * {@code self} whether this master votes, {@code entry} the version that set them (0 for the
     * configuration's); {@code peerCount} peers are known (some may have been added).
     */
    public void set(int peerCount, Set<Integer> peers, boolean self, long entry) {
        raft.growPeers(peerCount);
        voters.clear();
        voters.addAll(peers);
        catchingUp.removeAll(peers);
        selfVotes = self;
        version = entry;
        if (raft.role() == RaftCore.Role.LEADER) {
            for (int p : targets()) {
                raft.replicate(p, true);
            }
        }
    }

    /** Leader: starts sending entries to {@code peer}, not a voter yet, so that it catches up. */
    public void catchUp(int peer, int peerCount) {
        raft.growPeers(peerCount);
        if (!voters.contains(peer)) {
            catchingUp.add(peer);
        }
        raft.replicate(peer, true);
    }

    /** Leader: stops sending entries to a peer that did not become a voter. */
    public void stopCatchUp(int peer) {
        catchingUp.remove(peer);
    }

    /**
     * Leader: whether a change of voters may be proposed now: an entry of this leader's own term is
     * committed (so no change an earlier leader began and did not commit can still take effect:
     * the fix to the single-server change bug), and the last change of voters is committed.
     */
    public boolean mayChange() {
        long commit = raft.commitVersion();
        return raft.role() == RaftCore.Role.LEADER && raft.log().termAt(commit) == raft.term() && version <= commit;
    }

    public Set<Integer> voters() {
        return Collections.unmodifiableSet(voters);
    }

    public boolean selfVotes() {
        return selfVotes;
    }

    public boolean votes(int peer) {
        return voters.contains(peer);
    }

    long version() {
        return version;
    }

    /** Every peer the leader sends entries to: the voters and those catching up to become one. */
    Set<Integer> targets() {
        Set<Integer> all = new TreeSet<>(voters);
        all.addAll(catchingUp);
        return all;
    }

    /** Whether {@code peers} voting peers agreeing, and this master if {@code self}, make a majority. */
    boolean isMajority(int peers, boolean self) {
        int yes = peers + (self && selfVotes ? 1 : 0);
        return yes * 2 > size();
    }

    /** The number of voters, this master included when it votes. */
    public int size() {
        return voters.size() + (selfVotes ? 1 : 0);
    }
}
