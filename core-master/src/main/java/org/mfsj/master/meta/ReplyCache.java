package org.mfsj.master.meta;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mfsj.common.types.Attr;
import org.mfsj.master.namespace.TruncateResult;

/**
 * What each recent client request returned, by session and request id, so a request retried after
 * a lost reply (or a master restart: the log and the image carry these) is answered as the first
 * time rather than done twice. Bounded: the newest {@link #PER_SESSION} requests of the most
 * recently active {@link #MAX_SESSIONS} sessions; a client only ever retries its latest calls.
 *
 * <p>A result is kept as the attributes, the count, or {@link #DONE} for calls that return nothing.
 * Every replicated record passes through {@link #put} on every master, so a session's requests sit
 * in a ring of primitive ids ({@link RecentReplies}) rather than a map of boxed ones.
 */
public final class ReplyCache {
    public static final int PER_SESSION = 1024;
    public static final int MAX_SESSIONS = 16_384;
    /** The result of a call that returns nothing but success. */
    public static final Object DONE = new Object() {
        @Override
        public String toString() {
            return "DONE";
        }
    };

    /** One cached answer, for images and tools. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long session, long request, Object result);
    }

    private final Map<Long, RecentReplies> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RecentReplies> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Normalises what an op returned into what a reply needs. */
    public static Object normalise(Object result) {
        if (result == null || result == DONE) {
            return DONE;
        }
        if (result instanceof TruncateResult t) {
            return t.attr();
        }
        if (result instanceof Integer i) {
            return i.longValue();
        }
        if (result instanceof Attr || result instanceof Long) {
            return result;
        }
        throw new IllegalArgumentException("cannot cache a " + result.getClass().getName());
    }

    public void put(long session, long request, Object result) {
        Object value = normalise(result);
        RecentReplies recent = sessions.get(session);
        if (recent == null) {
            recent = new RecentReplies(PER_SESSION);
            sessions.put(session, recent);
        }
        recent.put(request, value);
    }

    /** The cached result, or null when this request was never done. */
    public Object get(long session, long request) {
        RecentReplies s = sessions.get(session);
        return s == null ? null : s.get(request);
    }

    public int size() {
        return sessions.values().stream().mapToInt(RecentReplies::size).sum();
    }

    /** Every entry, least recently active session first, oldest request first. */
    public void forEach(Visitor v) {
        for (Map.Entry<Long, RecentReplies> s : sessions.entrySet()) {
            long session = s.getKey();
            s.getValue().forEach((request, result) -> v.visit(session, request, result));
        }
    }

    /** For images: entries as visited, replayed in the same order, rebuild the same cache. */
    public void restore(long session, long request, Object result) {
        put(session, request, result);
    }
}
