package org.mfsj.master.session;

import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client sessions by id. A client opens one with id 0 and resumes it with that id after a
 * reconnection. An id the master does not know (it restarted, or dropped the session) is
 * recreated under the same id rather than refused, so mounted clients survive a master restart.
 * Sessions with no connection are dropped after the sustain time.
 */
public final class SessionRegistry {
    private final Map<Long, Session> sessions = new HashMap<>();
    private final Duration sustain;
    private long nextId = 1;

    public SessionRegistry(Duration sustain) {
        this.sustain = sustain;
    }

    public Session open(long requestedId, String clientInfo, long rootInode, SocketAddress from, Instant now) {
        long id = requestedId == 0 ? nextId++ : requestedId;
        if (Long.compareUnsigned(id, nextId) >= 0) {
            nextId = id + 1;
        }
        Session s = sessions.computeIfAbsent(id, k -> new Session(k, now));
        s.attach(clientInfo, rootInode, from, now);
        return s;
    }

    /**
     * Keeps session {@code id} as if its client had just gone away: a new leader learns from the
     * metadata that the session holds files open, and must let it expire if its client never
     * comes back. A session already known is left as it is.
     */
    public void keep(long id, Instant now) {
        reserveUpTo(id);
        sessions.computeIfAbsent(id, k -> new Session(k, now));
    }

    /** Who has {@code inode} open: session id -> opens. */
    public Map<Long, Integer> openers(long inode) {
        Map<Long, Integer> out = new HashMap<>();
        for (Session s : sessions.values()) {
            int n = s.opens(inode);
            if (n > 0) {
                out.put(s.id(), n);
            }
        }
        return out;
    }

    /** Ids up to {@code used} were handed out before a restart (the changelog says so): never again. */
    public void reserveUpTo(long used) {
        if (Long.compareUnsigned(used, nextId) >= 0) {
            nextId = used + 1;
        }
    }

    public Session get(long id) {
        return sessions.get(id);
    }

    public void touch(Session s, Instant now) {
        s.seen(now);
    }

    public void disconnected(Session s, Instant now) {
        s.detach(now);
    }

    /** Sessions with no connection for at least {@code away}, still kept for their client to resume. */
    public List<Session> awayFor(Duration away, Instant now) {
        List<Session> out = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.connections() == 0 && !now.isBefore(s.lastSeen().plus(away))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Drops sessions unused for longer than the sustain time and returns them. */
    public List<Session> purge(Instant now) {
        List<Session> dropped = new ArrayList<>();
        sessions.values().removeIf(s -> {
            boolean idle = s.connections() == 0 && !now.isBefore(s.lastSeen().plus(sustain));
            if (idle) {
                dropped.add(s);
            }
            return idle;
        });
        return dropped;
    }

    /** Every session, connected or kept. */
    public java.util.Collection<Session> all() {
        return java.util.Collections.unmodifiableCollection(sessions.values());
    }

    public int size() {
        return sessions.size();
    }
}
