package org.mfsj.master.ha;

import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raft's InstallSnapshot inside the consensus core: which follower the leader must send its image
 * (it needs entries older than the log keeps), whether a follower stores a piece it is sent, and
 * where entries go on once it holds the image. See the package documentation for why it is safe.
 */
final class ImageCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCatchUp.class);

    private final RaftCore raft;
    /** Storing the leader's image: this log lacks entries the leader no longer keeps. */
    private boolean receiving;

    ImageCatchUp(RaftCore raft) {
        this.raft = raft;
    }

    boolean receiving() {
        return receiving;
    }

    /** Entries from the leader matched this log: whatever image came before is no longer needed. */
    void entriesMatched() {
        receiving = false;
    }

    /** Leader: whether {@code peer} needs the image. */
    boolean needs(int peer) {
        return raft.role() == RaftCore.Role.LEADER && raft.progress().next(peer) <= raft.log().floor();
    }

    RaftCore.ImageVerdict onPart(ImagePart p) {
        raft.observe(p.term());
        if (p.term() < raft.term() || raft.role() == RaftCore.Role.LEADER) {
            return RaftCore.ImageVerdict.STALE;
        }
        raft.follow(p.leader(), p.leaderClients(), p.term());
        long v = p.imageVersion();
        RaftLog log = raft.log();
        if (v >= log.floor() && v <= log.lastVersion() && log.termAt(v) == p.imageTerm()) {
            return RaftCore.ImageVerdict.HELD;
        }
        receiving = true;
        return RaftCore.ImageVerdict.STORE;
    }

    void onReply(int peer, ImageReply r, long now) {
        raft.observe(r.term());
        if (raft.role() != RaftCore.Role.LEADER || r.term() != raft.term()) {
            return;
        }
        raft.progress().heard(peer, now);
        if (r.complete() && raft.progress().next(peer) <= r.imageVersion()) {
            LOG.info("master {} holds the image of version {}; entries follow", peer, r.imageVersion());
            raft.progress().imageHeld(peer, r.imageVersion());
            raft.replicate(peer, true);
        }
    }
}
