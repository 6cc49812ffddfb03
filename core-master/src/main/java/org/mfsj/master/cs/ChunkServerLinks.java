package org.mfsj.master.cs;

import java.util.HashMap;
import java.util.Map;
import org.mfsj.common.wire.Peer;
import org.mfsj.master.chunks.StorageServer;

/** The connection behind each current chunkserver registration; master thread only. */
public final class ChunkServerLinks {
    private final Map<StorageServer, Peer> peers = new HashMap<>();

    public void put(StorageServer server, Peer peer) {
        peers.put(server, peer);
        peer.attach(server);
    }

    /** The connection of this very registration, or null once it is gone or replaced. */
    public Peer peerOf(StorageServer server) {
        return peers.get(server);
    }

    /** The registration a connection carries, if it is still the current one. */
    public StorageServer serverOf(Peer peer) {
        return peer.attachment() instanceof StorageServer s && peers.get(s) == peer ? s : null;
    }

    public void remove(StorageServer server) {
        peers.remove(server);
    }
}
