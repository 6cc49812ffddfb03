package org.mfsj.master.meta;

import org.mfsj.master.changelog.MetaLog;

/**
 * The live path into the changelog, on the master thread: each applied change gets the next
 * version and the client request being served (set around each call by the dispatcher), is
 * appended to the log, and has its answer cached for a retry.
 */
public final class Journal {
    private final MetaState state;
    private final MetaLog log;
    private long session;
    private long request;
    private boolean deferForces;

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
     * Changes from now until {@code false} are ones no one waits for (a scratch file's, answered once
     * applied): the log may force them with the next change someone waits for.
     */
    public void deferForces(boolean on) {
        deferForces = on;
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
    }

    /** Version of the newest change; a reply may leave only once the log has it durable. */
    public long lastVersion() {
        return state.version();
    }

    /** The newest change's version, which the caller is about to wait for: the log forces it now. */
    public long awaitedVersion() {
        long v = state.version();
        log.forceUpTo(v);
        return v;
    }

    /** What request {@code request} of {@code sessionId} returned, or null when it was never done. */
    public Object answered(long sessionId, long requestId) {
        return state.replies().get(sessionId, requestId);
    }

    public MetaState state() {
        return state;
    }
}
