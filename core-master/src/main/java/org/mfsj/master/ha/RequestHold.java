package org.mfsj.master.ha;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/**
 * Client requests held back on the leader, in arrival order:
 * <ul>
 * <li>while it hands leadership over, so that no change lands in its log after the target caught
 * up. Released if the hand-over fails; if it succeeds this master steps down, its connections
 * close, and the clients send the requests again to the new leader (request ids make that safe);</li>
 * <li>while its read lease has lapsed ({@link ReadLease}): another master may lead already, and
 * an answer read here could be older than its changes. They go on once a majority answers again;
 * a leader cut off steps down instead and its clients go to the new one.</li>
 * </ul>
 * Master thread only (the requests themselves arrive from any thread).
 */
public final class RequestHold {
    private final Executor master;
    private final BooleanSupplier leaseValid;
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private boolean holding;

    /** {@code leaseValid}: whether the leader may answer now (read on the master thread). */
    public RequestHold(Executor master, BooleanSupplier leaseValid) {
        this.master = master;
        this.leaseValid = leaseValid;
    }

    /** {@code delegate}, with its requests held while the hold is on or the lease has lapsed. */
    public Peer.Inbound around(Peer.Inbound delegate) {
        return new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message m) {
                master.execute(() -> {
                    if (holding || !held.isEmpty() || !leaseValid.getAsBoolean()) {
                        held.add(() -> delegate.onMessage(from, m));
                    } else {
                        delegate.onMessage(from, m);
                    }
                });
            }

            @Override
            public void onOpen(Peer peer) {
                delegate.onOpen(peer);
            }

            @Override
            public void onClose(Peer peer) {
                delegate.onClose(peer);
            }
        };
    }

    public void hold() {
        holding = true;
    }

    public boolean holding() {
        return holding;
    }

    /** Ends a hold: the held requests go on, in the order they came, as far as the lease allows. */
    public void release() {
        holding = false;
        resume();
    }

    /** Lets held requests through while nothing holds them (call when the lease may have come back). */
    public void resume() {
        while (!holding && !held.isEmpty() && leaseValid.getAsBoolean()) {
            held.poll().run();
        }
    }
}
