package org.mfsj.master.ha;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deposed leader whose log holds only what it wrote itself as leader, none of it known committed
 * (a new group's first leader that stepped down before any follower confirmed its entries). The
 * other masters, learners with an empty log, vote only for an empty log and do not stand, so with
 * that log this master could never be elected again and the group would stay without a leader.
 * Before it stands it drops those entries and stands with an empty log. See the package
 * documentation ("A first leader nobody heard") for why that loses nothing acknowledged.
 */
final class UnconfirmedOwnLog {
    private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedOwnLog.class);

    private final RaftCore raft;
    /** The term this master led last in this process; 0 before (a restart forgets it: nothing is dropped then). */
    private long ledTerm;

    UnconfirmedOwnLog(RaftCore raft) {
        this.raft = raft;
    }

    /** This master leads {@code term}: the entries of that term in its log are its own. */
    void led(long term) {
        ledTerm = term;
    }

    /**
     * Drops the log if it is only this master's own unconfirmed entries; false when the metadata in
     * memory holds them and must be reloaded first (it stands at the next timeout instead).
     */
    boolean dropBeforeStanding() {
        RaftLog log = raft.log();
        long last = log.lastVersion();
        if (last == 0 || ledTerm == 0 || raft.commitVersion() > 0 || log.floor() > 0 || log.termAt(1) != ledTerm
                || log.termAt(last) != ledTerm) {
            return true;
        }
        LOG.warn("master {} drops its log (versions 1 to {}, all its own of term {}, none confirmed) before it"
                + " stands: the learners vote only for an empty log", raft.self(), last, ledTerm);
        if (!log.truncateAfter(0)) {
            raft.events().reloadNeeded();
            return false;
        }
        return true;
    }
}
