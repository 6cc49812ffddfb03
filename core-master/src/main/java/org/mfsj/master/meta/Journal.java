package org.mfsj.master.meta;

import org.mfsj.master.changelog.MetaLog;

/**
 * The live path into the changelog, on the master thread: each applied change gets the next
 * version and the client request being served (set around each call by the dispatcher), is
 * appended to the log, and has its answer cached for a retry.
 */
public final class Journal implements ForceDeferral {
    private final MetaState state;
    private final MetaLog log;
    private long session;
    private long request;
    private boolean deferForces;
    /** The request being served is answered once applied: no one waits for its changes. */
    private boolean scratch;
    /** The newest run of such changes, by version (no run: 0, 0). */
    private long scratchFrom;
    private long scratchTo;

    public Journal(MetaState state, MetaLog log) {
        this.state = state;
        this.log = log;
        state.namespace().setRecordSink(this::record);
    }

    /** The client request whose changes follow; 0, 0 for changes no retry can repeat. */
    public void begin(long sessionId, long requestId) {
        session = sessionId;
        request = requestId;
    }

    public void end() {
        session = 0;
        request = 0;
    }

    /**
     * {@code later}, to run as the request being served now, whatever is served when it runs: a
     * request that waits (for a chunk's lock) and starts over in a task of its own logs its changes
     * under its own request id, and a retry after a crash is answered from them.
     */
    public Runnable asCurrentRequest(Runnable later) {
        long waitingSession = session;
        long waitingRequest = request;
        return () -> {
            long servedSession = session;
            long servedRequest = request;
            begin(waitingSession, waitingRequest);
            try {
                later.run();
            } finally {
                begin(servedSession, servedRequest);
            }
        };
    }

    /**
     * Changes from now until {@link #undefer} may wait in the log for a later force: those of
     * one request, forced together at its end, or ({@code noOneWaits}: a scratch file's, answered
     * once applied) forced with the next change someone waits for.
     */
    @Override
    public void defer(boolean noOneWaits) {
        deferForces = true;
        scratch = noOneWaits;
    }

    @Override
    public void undefer(boolean forceNow) {
        deferForces = false;
        scratch = false;
        if (forceNow) {
            log.forceUpTo(waitedVersion());
        }
    }

    /** Logs a change already applied in memory; {@code result} is what the call returns. */
    public void record(MetaRecord r, Object result) {
        LogEntry e = new LogEntry(state.version() + 1, session, request, r);
        if (deferForces) {
            log.appendDeferred(e);
        } else {
            log.append(e);
        }
        state.applied(e, result);
        if (scratch) {
            if (scratchTo != e.version() - 1) {
                scratchFrom = e.version();
            }
            scratchTo = e.version();
        }
    }

    /** Version of the newest change. */
    public long lastVersion() {
        return state.version();
    }

    /** The newest change's version, which the caller is about to wait for: the log forces it now. */
    public long awaitedVersion() {
        long v = state.version();
        log.forceUpTo(v);
        return v;
    }

    /**
     * The version a reply waits for before it leaves, so that it reports no change a crash could
     * lose: the newest change's, but for a run of scratch changes at the very end, which no reply
     * needs durable (their own calls were answered before, and a later durable change covers
     * them); the log forces it now. A PUT's lookup of its key's directory then does not force the
     * PUT's temp-file changes ahead of its publish.
     */
    public long replyVersion() {
        long v = waitedVersion();
        log.forceUpTo(v);
        return v;
    }

    private long waitedVersion() {
        long v = state.version();
        return scratchTo == v ? scratchFrom - 1 : v;
    }

    /** What request {@code request} of {@code sessionId} returned, or null when it was never done. */
    public Object answered(long sessionId, long requestId) {
        return state.replies().get(sessionId, requestId);
    }

    public MetaState state() {
        return state;
    }
}
