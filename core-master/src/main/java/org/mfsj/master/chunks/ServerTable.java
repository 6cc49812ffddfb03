package org.mfsj.master.chunks;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current registration of every chunkserver ever seen, by server id. Disconnected servers
 * stay listed (status tools show them as such) until the same id registers again.
 */
public final class ServerTable {
    private final Map<Long, StorageServer> byId = new TreeMap<>(Long::compareUnsigned);

    /** Records a new registration and returns the one it replaces, or null. */
    public StorageServer put(StorageServer server) {
        return byId.put(server.id(), server);
    }

    public StorageServer get(long serverId) {
        return byId.get(serverId);
    }

    /** All servers in id order, connected or not. */
    public Collection<StorageServer> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public List<StorageServer> connected() {
        return byId.values().stream().filter(StorageServer::connected).toList();
    }

    public long totalBytes() {
        return connected().stream().mapToLong(StorageServer::totalBytes).sum();
    }

    public long usedBytes() {
        return connected().stream().mapToLong(StorageServer::usedBytes).sum();
    }
}
