package org.mfsj.master.ha;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.AppendReply;

/**
 * A follower's acknowledgements sent straight from the changelog's thread the moment a force
 * completes, instead of after a turn of the master thread's queue (where the next batches wait to
 * be applied). The master thread opens a window after each append from the leader (the term, where
 * to answer, and how far this log matches that leader's) and closes it before anything that could
 * make it untrue: a change of term, a new leader, a cut of the log. So an acknowledgement sent
 * from a window read while it was open says only what was true then (those entries durable here
 * and the leader's), as if it had been sent at that moment and delayed on the wire; the leader
 * takes the highest it hears, so two threads' answers may cross.
 */
public final class DurableAcks {
    /** What may be acknowledged to the current leader; {@code acked} is shared by the leader's windows. */
    private record Window(long term, long self, int msgId, Consumer<Message> to, long matched, AtomicLong acked) {
    }

    private volatile Window window;

    /**
     * Master thread: after entries from the leader were appended (or found held); {@code msgId}:
     * the leader's message taken in last, echoed for its read lease.
     */
    void open(long term, long self, int msgId, Consumer<Message> to, long matched, AtomicLong acked) {
        window = new Window(term, self, msgId, to, matched, acked);
    }

    /** Master thread: before the term changes, another leader is followed, or the log is cut. */
    void close() {
        window = null;
    }

    /** The changelog's thread: this master's own copy is durable up to {@code version}. */
    public void durable(long version) {
        Window w = window;
        if (w == null) {
            return;
        }
        long match = Math.min(version, w.matched());
        if (raise(w.acked(), match)) {
            w.to().accept(new AppendReply(w.msgId(), w.term(), w.self(), true, match, w.matched()));
        }
    }

    /** Raises {@code acked} to {@code to}; true when it grew (this caller is to send the news). */
    static boolean raise(AtomicLong acked, long to) {
        long now = acked.get();
        while (to > now) {
            if (acked.compareAndSet(now, to)) {
                return true;
            }
            now = acked.get();
        }
        return false;
    }
}
