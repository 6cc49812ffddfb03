package org.mfsj.master.net;

import java.util.concurrent.Executor;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/** Network side of a client connection: hands every request and the close to the master thread. */
public final class ClientInbound implements Peer.Inbound {
    private final Executor master;
    private final RequestDispatcher dispatcher;

    public ClientInbound(Executor master, RequestDispatcher dispatcher) {
        this.master = master;
        this.dispatcher = dispatcher;
    }

    @Override
    public void onMessage(Peer from, Message message) {
        master.execute(() -> dispatcher.dispatch(from, message));
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
