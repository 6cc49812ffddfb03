package org.mfsj.fuse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.fuse.lowlevel.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wrapper every FUSE callback goes through: runs the operation, which answers the request
 * itself, answers its failure with the errno mapped in one place, counts calls and time per
 * operation, and logs one line per unexpected failure (errors callers provoke all day, such as
 * ENOENT, are logged at debug only). A request is always answered, and only once.
 */
public final class FuseCall {
    private static final Logger LOG = LoggerFactory.getLogger(FuseCall.class);

    /** An operation's body: answers {@code r}, or throws an {@link MfsException} for the errno. */
    @FunctionalInterface
    public interface Body {
        void run(Request r) throws MfsException;
    }

    private final Map<String, OpStats> stats = new ConcurrentHashMap<>();

    /** Runs {@code body} for request {@code r} about inode {@code inode}. */
    public void run(String op, long inode, Request r, Body body) {
        long t0 = System.nanoTime();
        OpStats s = stats.computeIfAbsent(op, k -> new OpStats());
        try {
            body.run(r);
            if (!r.replied()) {
                LOG.error("{} of inode {}: the operation gave no answer; answered EIO", op, inode);
                r.err(Errno.EIO);
            }
        } catch (MfsException e) {
            s.errors.increment();
            log(op, inode, e);
            answer(op, inode, r, Errno.of(e.status()));
        } catch (RuntimeException e) {
            // a Java exception must never unwind into libfuse; it is a bug, so it is logged loudly
            s.errors.increment();
            LOG.error("{} of inode {}: unexpected failure, answered EIO", op, inode, e);
            answer(op, inode, r, Errno.EIO);
        } finally {
            s.calls.increment();
            s.nanos.add(System.nanoTime() - t0);
        }
    }

    private static void answer(String op, long inode, Request r, int errno) {
        if (r.replied()) {
            LOG.error("{} of inode {}: failed after it was answered; errno {} not sent", op, inode, errno);
        } else {
            r.err(errno);
        }
    }

    private static void log(String op, long inode, MfsException e) {
        Status st = e.status();
        if (isRoutine(st)) {
            LOG.debug("{} of inode {}: {}", op, inode, e.getMessage());
        } else {
            LOG.warn("{} of inode {}: {}", op, inode, e.getMessage());
        }
    }

    private static boolean isRoutine(Status st) {
        return switch (st) {
            case ENOENT, EEXIST, ENOTEMPTY, EACCES, EPERM, ENODATA, EISDIR, ENOTDIR, EINVAL, ERANGE, EAGAIN,
                 ENAMETOOLONG, EROFS, ENOTSUP -> true;
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
