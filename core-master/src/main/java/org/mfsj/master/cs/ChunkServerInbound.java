package org.mfsj.master.cs;

import java.util.concurrent.Executor;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/** Network side of a chunkserver connection: hands every message and the close to the master thread. */
public final class ChunkServerInbound implements Peer.Inbound {
    private final Executor master;
    private final ChunkServerManager manager;

    public ChunkServerInbound(Executor master, ChunkServerManager manager) {
        this.master = master;
        this.manager = manager;
    }

    @Override
    public void onMessage(Peer from, Message message) {
        master.execute(() -> manager.onMessage(from, message));
    }

    @Override
    public void onClose(Peer peer) {
        master.execute(() -> manager.onClose(peer));
    }
}
