package org.mfsj.master.meta;

/**
 * One session's newest answers, by request id: a ring of primitive ids beside their results, the
 * oldest overwritten once {@code limit} are held. It grows by doubling up to {@code limit}, so an
 * idle session costs little. A lookup of an id above every id held (a new request: clients number
 * their calls upwards) answers at once; otherwise the ring is searched newest first, where retries
 * are.
 */
final class RecentReplies {
    private static final int FIRST_CAPACITY = 16;

    /** One held answer, in the order they were added. */
    @FunctionalInterface
    interface Visitor {
        void visit(long request, Object result);
    }

    private final int limit;
    private long[] requests;
    private Object[] results;
    /** Where the next answer goes. */
    private int next;
    private int count;
    private long highest = Long.MIN_VALUE;

    RecentReplies(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a reply ring must hold at least one answer, not " + limit);
        }
        this.limit = limit;
        this.requests = new long[Math.min(FIRST_CAPACITY, limit)];
        this.results = new Object[requests.length];
    }

    /** Keeps {@code result} for {@code request}; an id already held keeps its place and takes the new result. */
    void put(long request, Object result) {
        int at = slotOf(request);
        if (at >= 0) {
            results[at] = result;
            return;
        }
        if (count == requests.length && count < limit) {
            grow();
        }
        requests[next] = request;
        results[next] = result;
        next = (next + 1) % requests.length;
        count = Math.min(count + 1, requests.length);
        highest = Math.max(highest, request);
    }

    /** The result held for {@code request}, or null. */
    Object get(long request) {
        int at = slotOf(request);
        return at < 0 ? null : results[at];
    }

    int size() {
        return count;
    }

    /** Oldest first. */
    void forEach(Visitor v) {
        int cap = requests.length;
        for (int i = 0; i < count; i++) {
            int at = (next - count + i + cap) % cap;
            v.visit(requests[at], results[at]);
        }
    }

    private int slotOf(long request) {
        if (count == 0 || request > highest) {
            return -1;
        }
        int cap = requests.length;
        for (int i = 1; i <= count; i++) {
            int at = (next - i + cap) % cap;
            if (requests[at] == request) {
                return at;
            }
        }
        return -1;
    }

    /** Doubles the ring (up to the limit), oldest answer first. */
    private void grow() {
        int size = Math.min(limit, requests.length * 2);
        long[] r = new long[size];
        Object[] v = new Object[size];
        int cap = requests.length;
        for (int i = 0; i < count; i++) {
            int at = (next - count + i + cap) % cap;
            r[i] = requests[at];
            v[i] = results[at];
        }
        requests = r;
        results = v;
        next = count % size;
    }
}
