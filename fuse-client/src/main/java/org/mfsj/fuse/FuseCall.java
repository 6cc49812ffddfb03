package org.mfsj.fuse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wrapper every FUSE callback goes through: runs the operation, maps its failure to a
 * negative errno in one place, counts calls and time per operation, and logs one line per
 * unexpected failure (errors callers provoke all day, such as ENOENT, are logged at debug only).
 */
public final class FuseCall {
    private static final Logger LOG = LoggerFactory.getLogger(FuseCall.class);

    /** An operation's body: a non-negative result (bytes, or 0), or an {@link MfsException}. */
    @FunctionalInterface
    public interface Body {
        int run() throws MfsException;
    }

    private final Map<String, OpStats> stats = new ConcurrentHashMap<>();

    public int run(String op, String path, Body body) {
        long t0 = System.nanoTime();
        OpStats s = stats.computeIfAbsent(op, k -> new OpStats());
        try {
            return body.run();
        } catch (MfsException e) {
            s.errors.increment();
            log(op, path, e);
            return -Errno.of(e.status());
        } catch (RuntimeException e) {
            // a Java exception must never unwind into libfuse; it is a bug, so it is logged loudly
            s.errors.increment();
            LOG.error("{} '{}': unexpected failure, answered EIO", op, path, e);
            return -Errno.EIO;
        } finally {
            s.calls.increment();
            s.nanos.add(System.nanoTime() - t0);
        }
    }

    private static void log(String op, String path, MfsException e) {
        Status st = e.status();
        if (isRoutine(st)) {
            LOG.debug("{} '{}': {}", op, path, e.getMessage());
        } else {
            LOG.warn("{} '{}': {}", op, path, e.getMessage());
        }
    }

    private static boolean isRoutine(Status st) {
        return switch (st) {
            case ENOENT, EEXIST, ENOTEMPTY, EACCES, EPERM, ENODATA, EISDIR, ENOTDIR, EINVAL, ERANGE, EAGAIN,
                 ENAMETOOLONG, EROFS -> true;
            default -> false;
        };
    }

    /** One line per operation: calls, failures, mean microseconds; for the log at unmount. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        stats.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long calls = e.getValue().calls.sum();
            long us = calls == 0 ? 0 : e.getValue().nanos.sum() / calls / 1000;
            sb.append(String.format("%s calls=%d errors=%d mean_us=%d%n", e.getKey(), calls,
                    e.getValue().errors.sum(), us));
        });
        return sb.toString();
    }

    private static final class OpStats {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}
