package org.mfsj.nfs.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who mounted what, for DUMP. Advisory only, as in every MOUNT server: it is kept in memory and a
 * client that never unmounts stays listed until the gateway restarts.
 */
public final class MountTable {
    /** One mount: the client's address and the path it mounted. */
    public record Entry(String host, String path) {
    }

    private final Set<Entry> mounts = ConcurrentHashMap.newKeySet();

    public void add(String host, String path) {
        mounts.add(new Entry(host, path));
    }

    public void remove(String host, String path) {
        mounts.remove(new Entry(host, path));
    }

    public void removeAll(String host) {
        mounts.removeIf(e -> e.host().equals(host));
    }

    public List<Entry> list() {
        return new ArrayList<>(mounts);
    }
}
