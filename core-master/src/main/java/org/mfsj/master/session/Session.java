package org.mfsj.master.session;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mfsj.master.exports.ExportRule;

/** One client session: who it is, what subtree it mounted, and when it was last heard from. */
public final class Session {
    /** A client retries only its latest calls (most releases are sent a batch at a time). */
    static final int RELEASES_KEPT = 1024;

    private final long id;
    private final Instant created;
    private String clientInfo;
    private long rootInode;
    private SocketAddress address;
    private Instant lastSeen;
    private int connections;
    private ExportRule export = ExportRule.openToAll();
    /** Inode -> how many opens of it this session has not released. */
    private final Map<Long, Integer> opens = new HashMap<>();
    /**
     * The request ids of this session's latest releases and release batches: one whose answer was
     * lost comes again with its id and must not end opens twice. Kept as long as the counts they changed (in
     * memory: a new leader counts what the client reports instead).
     */
    private final Set<Long> releases = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > RELEASES_KEPT;
        }
    });

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

    /** The export line this session mounted through. */
    public ExportRule export() {
        return export;
    }

    public void export(ExportRule rule) {
        export = rule;
    }

    public void opened(long inode) {
        opens.merge(inode, 1, Integer::sum);
    }

    /** Counts {@code n} opens of {@code inode} if fewer are counted (a client reporting its opens). */
    public void openedAtLeast(long inode, int n) {
        if (n > 0) {
            opens.merge(inode, n, Math::max);
        }
    }

    /** Ends one open; a release of something not open (after a master restart) is ignored. */
    public void released(long inode) {
        opens.computeIfPresent(inode, (k, n) -> n > 1 ? n - 1 : null);
    }

    /**
     * Whether the release or release batch {@code reqId} is new here (and now known): false for one
     * this session sent before, whose releases are done already. 0 (no id) is always new.
     */
    public boolean newRelease(long reqId) {
        return reqId == 0 || releases.add(reqId);
    }

    /** Distinct files open now. */
    public int openFiles() {
        return opens.size();
    }

    /** Opens of {@code inode} not yet released. */
    public int opens(long inode) {
        return opens.getOrDefault(inode, 0);
    }

    public boolean isOpen(long inode) {
        return opens.containsKey(inode);
    }

    /** Forgets every open: the client went away for good. */
    public void releaseAll() {
        opens.clear();
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
