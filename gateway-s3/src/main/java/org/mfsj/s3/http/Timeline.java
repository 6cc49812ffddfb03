package org.mfsj.s3.http;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one request's time went, step by step, logged as one line at its end when the
 * {@code org.mfsj.s3.timing} logger is at DEBUG (bench/s3/README.md shows how to read it). A request is
 * served on one thread from start to end, so the steps are kept per thread; when the logger is
 * off nothing is kept and a step costs one thread-local read.
 */
public final class Timeline {
    private static final Logger LOG = LoggerFactory.getLogger("org.mfsj.s3.timing");
    private static final ThreadLocal<Timeline> CURRENT = new ThreadLocal<>();

    private final long start = System.nanoTime();
    private final StringBuilder steps = new StringBuilder();
    private long last = start;

    private Timeline() {
    }

    /** Starts the calling thread's request. */
    static void begin() {
        if (LOG.isDebugEnabled()) {
            CURRENT.set(new Timeline());
        }
    }

    /** The step that just ended on the calling thread's request. */
    public static void step(String name) {
        Timeline t = CURRENT.get();
        if (t != null) {
            long now = System.nanoTime();
            t.steps.append(' ').append(name).append(' ').append(ms(now - t.last));
            t.last = now;
        }
    }

    /** Logs the calling thread's request, named by its id and what it was, and forgets it. */
    static void end(String id, String what) {
        Timeline t = CURRENT.get();
        if (t != null) {
            // the answer's step is taken while the timeline is still the thread's, or it is lost
            step("answer");
            CURRENT.remove();
            LOG.debug("{} {}: total {} ms:{}", id, what, ms(System.nanoTime() - t.start), t.steps);
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
