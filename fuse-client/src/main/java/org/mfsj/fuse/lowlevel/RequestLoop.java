package org.mfsj.fuse.lowlevel;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's requests read and answered on Java threads of our own, as libfuse's
 * fuse_session_loop_mt does on its native ones: one more worker starts whenever the last idle one
 * takes a request (so a request that blocks, a lock wait, never stalls the others), and a worker
 * leaves when more than {@link #MAX_IDLE} wait. Our own threads because the FFI layer attaches a
 * native thread to the JVM for each callback and detaches it after (for its first thousand), which
 * cost more than most operations and gave every request fresh thread-local buffers.
 */
final class RequestLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLoop.class);
    /** libfuse's own number of idle workers kept. */
    static final int MAX_IDLE = 10;
    /** A bound on threads, far above what blocking operations need. */
    static final int MAX_WORKERS = 256;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private final LibFuse2 lib;
    private final Pointer session;
    private final Pointer channel;
    private final long bufferSize;
    private final String name;
    /** null when the INIT answer goes out as libfuse wrote it. */
    private final InitChannel init;
    private int workers;
    private int idle;
    private int started;
    private boolean exited;
    private int result;

    RequestLoop(LibFuse2 lib, Pointer session, Pointer channel, InitChannel init, String name) {
        this.lib = lib;
        this.session = session;
        this.channel = channel;
        // the kernel refuses a read of the device into a buffer smaller than its largest write
        this.bufferSize = init == null ? lib.fuse_chan_bufsize(channel)
                : Math.max(lib.fuse_chan_bufsize(channel), InitReply.REQUEST_BUFFER);
        this.init = init;
        this.name = name;
    }

    /**
     * Serves until the file system is unmounted; 0, or -1 when reading the device failed. Waits
     * out an interrupt: the session must outlive every worker, and only the unmount ends them.
     */
    int run() {
        synchronized (this) {
            workers++;
        }
        startWorker();
        boolean interrupted = false;
        int rc;
        synchronized (this) {
            while (workers > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            rc = result;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return rc;
    }

    private void startWorker() {
        int n;
        synchronized (this) {
            n = ++started;
        }
        new FuseWorker(this::work, "fuse-worker-" + n + " " + name).start();
    }

    private void work() {
        Runtime rt = Runtime.getSystemRuntime();
        Pointer buf = Memory.allocateDirect(rt, bufferSize, true);
        // fuse_chan_recv takes a struct fuse_chan ** and may hand back another channel through it
        Pointer chan = Memory.allocateDirect(rt, rt.addressSize(), true);
        try {
            while (serveOne(buf, chan)) {
                // next request
            }
        } finally {
            synchronized (this) {
                workers--;
                notifyAll();
            }
        }
    }

    /** Reads one request and answers it; false when this worker should end. */
    private boolean serveOne(Pointer buf, Pointer chan) {
        synchronized (this) {
            if (exited) {
                return false;
            }
            idle++;
        }
        chan.putPointer(0, channel);
        int n = lib.fuse_chan_recv(chan, buf, bufferSize);
        boolean another;
        synchronized (this) {
            idle--;
            if (n == -EINTR || n == -EAGAIN) {
                return true;
            }
            if (n <= 0 || lib.fuse_session_exited(session) != 0) {
                // 0: unmounted (every reader of the device wakes up to that)
                exited = true;
                if (n < 0) {
                    LOG.error("reading the FUSE device of {} failed with errno {}; the mount stops serving", name, -n);
                    result = -1;
                }
                return false;
            }
            another = idle == 0 && workers < MAX_WORKERS;
            if (another) {
                workers++;
            }
        }
        if (another) {
            startWorker();
        }
        Pointer answerOn = chan.getPointer(0);
        if (init != null && n > InitReply.IN_OPCODE + 4 && buf.getInt(InitReply.IN_OPCODE) == InitReply.FUSE_INIT) {
            answerOn = init.forInit(buf, n);
        }
        ((FuseWorker) Thread.currentThread()).reading(SetIdKill.asked(buf, n));
        lib.fuse_session_process(session, buf, n, answerOn);
        synchronized (this) {
            if (idle >= MAX_IDLE) {
                return false;
            }
        }
        return true;
    }
}
