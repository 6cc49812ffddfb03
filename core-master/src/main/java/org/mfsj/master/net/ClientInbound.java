package org.mfsj.master.net;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/**
 * Network side of a client connection: hands every request and the close to the master thread,
 * or serves the request at once when the connection's event loop is the master thread itself.
 */
public final class ClientInbound implements Peer.Inbound {
    private final Executor master;
    private final BooleanSupplier onMasterThread;
    private final RequestDispatcher dispatcher;

    public ClientInbound(Executor master, BooleanSupplier onMasterThread, RequestDispatcher dispatcher) {
        this.master = master;
        this.onMasterThread = onMasterThread;
        this.dispatcher = dispatcher;
    }

    @Override
    public void onMessage(Peer from, Message message) {
        if (onMasterThread.getAsBoolean()) {
            dispatcher.dispatch(from, message);
        } else {
            master.execute(() -> dispatcher.dispatch(from, message));
        }
    }

    /** On the connection's event loop, before anything is read: nothing here may touch master state. */
    @Override
    public void onOpen(Peer peer) {
        dispatcher.opened(peer);
    }

    @Override
    public void onClose(Peer peer) {
        master.execute(() -> dispatcher.closed(peer));
    }
}
