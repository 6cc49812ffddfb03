package org.mfsj.master.ha;

import java.util.Collection;
import org.mfsj.common.wire.Message;

/** What the consensus core asks of the master around it; called on the master thread. */
public interface RaftEvents {
    /** Sends {@code m} to voter {@code peer} (an index into the peer list) if connected. */
    void send(int peer, Message m);

    /** Sends the same {@code m} to each voter in {@code peers} that is connected (encoded once where it can be). */
    default void sendToAll(Collection<Integer> peers, Message m) {
        for (int p : peers) {
            send(p, m);
        }
    }

    /** This master now leads in {@code term}: it must write the term's first entry and serve. */
    void becameLeader(long term);

    /**
     * This master led and no longer does (a higher term, or no majority in reach). It may have
     * applied changes in memory that will never commit: it must stop serving and reload from disk.
     */
    void steppedDown(long term);

    /** The metadata in memory holds an entry the leader dropped: reload it from disk. */
    void reloadNeeded();

    /**
     * Leader: voter {@code peer} needs entries older than this log keeps, so it is sent the image
     * instead (more of it at each call, as long as {@link RaftCore#needsImage} says so).
     */
    default void sendImage(int peer) {
    }
}
