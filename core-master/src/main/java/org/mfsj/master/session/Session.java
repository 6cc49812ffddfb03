package org.mfsj.master.session;

import java.net.SocketAddress;
import java.time.Instant;

/** One client session: who it is, what subtree it mounted, and when it was last heard from. */
public final class Session {
    private final long id;
    private final Instant created;
    private String clientInfo;
    private long rootInode;
    private SocketAddress address;
    private Instant lastSeen;
    private int connections;

    Session(long id, Instant created) {
        this.id = id;
        this.created = created;
        this.lastSeen = created;
    }

    public long id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    public String clientInfo() {
        return clientInfo;
    }

    public long rootInode() {
        return rootInode;
    }

    public SocketAddress address() {
        return address;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    /** Connections using this session now; a session in use is never dropped for idleness. */
    public int connections() {
        return connections;
    }

    void attach(String info, long root, SocketAddress from, Instant now) {
        clientInfo = info;
        rootInode = root;
        address = from;
        lastSeen = now;
        connections++;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    void detach(Instant now) {
        connections = Math.max(0, connections - 1);
        lastSeen = now;
    }
}
