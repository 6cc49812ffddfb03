package org.mfsj.master.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/**
 * Client requests held back while the leader hands leadership over, so that no change lands in its
 * log after the target caught up. Released in arrival order if the hand-over fails; if it succeeds
 * this master steps down, its connections close, and the clients send the requests again to the new
 * leader (request ids make that safe). Hold and release on the master thread.
 */
public final class RequestHold {
    private final Executor master;
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public RequestHold(Executor master) {
        this.master = master;
    }

    /** {@code delegate}, with its requests held while the hold is on. */
    public Peer.Inbound around(Peer.Inbound delegate) {
        return new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message m) {
                master.execute(() -> {
                    if (holding) {
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

    /** Lets the held requests through, in the order they came. */
    public void release() {
        holding = false;
        List<Runnable> out = new ArrayList<>(held);
        held.clear();
        out.forEach(Runnable::run);
    }
}
