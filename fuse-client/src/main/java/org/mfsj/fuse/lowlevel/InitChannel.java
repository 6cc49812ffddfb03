package org.mfsj.fuse.lowlevel;

import java.nio.ByteBuffer;
import jnr.ffi.BaseStruct;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Delegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libfuse channel for the INIT request alone: libfuse processes INIT as usual and answers
 * through this channel, which rewrites the answer ({@link InitReply}) and sends it on the mount's
 * real channel. libfuse takes the channel to answer on from each fuse_session_process call, so
 * every other request is processed and answered on the real one. The channel's buffer size is
 * {@link InitReply#REQUEST_BUFFER}, which is what libfuse caps max_write by while answering INIT.
 */
final class InitChannel {
    private static final Logger LOG = LoggerFactory.getLogger(InitChannel.class);
    /** struct iovec: void *iov_base, size_t iov_len. */
    private static final int IOVEC = 16;
    private static final int EIO = 5;

    /** The C signature of struct fuse_chan_ops' send. */
    @FunctionalInterface
    public interface Send {
        @Delegate
        int call(Pointer ch, Pointer iov, long count);
    }

    /** struct fuse_chan_ops: receive, send, destroy; only send is ever called on this channel. */
    static final class Ops extends BaseStruct {
        final Func<Send> receive = func(Send.class);
        final Func<Send> send = func(Send.class);
        final Func<Send> destroy = func(Send.class);

        Ops(Runtime runtime) {
            super(runtime);
        }
    }

    private final LibFuse2 lib;
    private final Pointer real;
    /** Kept reachable: libfuse holds a pointer to the callback for the channel's life. */
    private final Ops ops;
    private final Pointer channel;
    private volatile int offeredFlags;

    private InitChannel(LibFuse2 lib, Pointer real, Ops ops, Pointer channel) {
        this.lib = lib;
        this.real = real;
        this.ops = ops;
        this.channel = channel;
    }

    /** A channel beside {@code real} (same device), or null when libfuse will not make one. */
    static InitChannel create(LibFuse2 lib, Pointer real) {
        Ops ops = new Ops(Runtime.getSystemRuntime());
        InitChannel[] self = new InitChannel[1];
        ops.send.set((ch, iov, count) -> self[0].send(iov, count));
        Pointer ch = lib.fuse_chan_new(ops, lib.fuse_chan_fd(real), InitReply.REQUEST_BUFFER, null);
        if (ch == null || ch.address() == 0) {
            LOG.warn("libfuse could not make the INIT channel; requests stay at 128 KiB");
            return null;
        }
        self[0] = new InitChannel(lib, real, ops, ch);
        return self[0];
    }

    /** The channel to process the INIT request in {@code buf} ({@code len} bytes) on. */
    Pointer forInit(Pointer buf, int len) {
        byte[] head = new byte[Math.min(len, InitReply.INIT_IN_FLAGS + 4)];
        buf.get(0, head, 0, head.length);
        offeredFlags = InitReply.offeredFlags(ByteBuffer.wrap(head), head.length);
        return channel;
    }

    private int send(Pointer iov, long count) {
        Runtime rt = Runtime.getSystemRuntime();
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += (int) iov.getLong((long) i * IOVEC + 8);
        }
        byte[] reply = new byte[total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            Pointer base = iov.getPointer((long) i * IOVEC);
            int len = (int) iov.getLong((long) i * IOVEC + 8);
            if (len > 0) {
                base.get(0, reply, at, len);
            }
            at += len;
        }
        byte[] out = InitReply.widen(reply, offeredFlags);
        Pointer data = Memory.allocateDirect(rt, out.length, true);
        data.put(0, out, 0, out.length);
        Pointer vec = Memory.allocateDirect(rt, IOVEC, true);
        vec.putPointer(0, data);
        vec.putLong(8, out.length);
        int rc = lib.fuse_chan_send(real, vec, 1);
        if (rc == 0) {
            LOG.info("FUSE INIT answered: {}", out == reply ? "the kernel offered no larger requests (128 KiB each)"
                    : "requests of up to " + InitReply.MAX_REQUEST / 1024 + " KiB");
        }
        return rc < 0 ? rc : rc == 0 ? 0 : -EIO;
    }

    void destroy() {
        lib.fuse_chan_destroy(channel);
    }
}
