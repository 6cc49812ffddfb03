package org.mfsj.fuse.lowlevel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * libfuse 2.9's low-level session over one mount point, set up as its own example does:
 * fuse_mount, fuse_lowlevel_new, fuse_session_add_chan, then requests served by a
 * {@link RequestLoop} (fuse_session_loop_mt's work on Java threads), INIT answered through an
 * {@link InitChannel} so the kernel sends requests of up to 1 MiB; torn down with
 * fuse_session_remove_chan, fuse_session_destroy, fuse_unmount and fuse_opt_free_args. Signal
 * handlers are the JVM's, so libfuse's are not installed: an unmount ends the loop.
 */
public final class FuseSession implements AutoCloseable {
    /** The largest read or write request the mount asks the kernel for (see {@link InitReply}). */
    public static final int LARGEST_REQUEST = InitReply.MAX_REQUEST;
    /** struct fuse_args: int argc at 0, char **argv at 8, int allocated at 16. */
    private static final int ARGS_SIZE = 24;
    private static final int ARGS_ARGV = 8;

    private final LibFuse2 lib;
    private final String mountpoint;
    private final Pointer args;
    /** The argv strings must outlive the call that parses them; libfuse keeps pointers into them. */
    private final List<Pointer> argMemory;
    private final LowLevelOps ops;
    private final Pointer channel;
    private final Pointer session;
    private final InitChannel init;
    private boolean closed;

    private FuseSession(LibFuse2 lib, String mountpoint, Pointer args, List<Pointer> argMemory, LowLevelOps ops,
            Pointer channel, Pointer session, InitChannel init) {
        this.lib = lib;
        this.mountpoint = mountpoint;
        this.args = args;
        this.argMemory = argMemory;
        this.ops = ops;
        this.channel = channel;
        this.session = session;
        this.init = init;
    }

    /**
     * Mounts at {@code mountpoint} with {@code options} (one -o list: kernel mount options and
     * libfuse's low-level ones) and {@code ops} as the callbacks; the kernel learns of the mount at
     * once, and requests wait for {@link #loop}.
     */
    public static FuseSession mount(LibFuse2 lib, Kernel kernel, Path mountpoint, String options, LowLevelOps ops)
            throws IOException {
        Runtime rt = Runtime.getSystemRuntime();
        List<Pointer> strings = new ArrayList<>();
        String[] argv = {"mfsj", "-o", options};
        Pointer array = Memory.allocateDirect(rt, (long) argv.length * rt.addressSize(), true);
        for (int i = 0; i < argv.length; i++) {
            byte[] utf8 = argv[i].getBytes(StandardCharsets.UTF_8);
            Pointer s = Memory.allocateDirect(rt, utf8.length + 1, true);
            s.put(0, utf8, 0, utf8.length);
            strings.add(s);
            array.putPointer((long) i * rt.addressSize(), s);
        }
        strings.add(array);
        Pointer args = Memory.allocateDirect(rt, ARGS_SIZE, true);
        args.putInt(0, argv.length);
        args.putPointer(ARGS_ARGV, array);
        String mp = mountpoint.toString();
        Pointer ch = lib.fuse_mount(mp, args);
        if (ch == null || ch.address() == 0) {
            lib.fuse_opt_free_args(args);
            throw new IOException("libfuse could not mount at " + mp + " with -o " + options
                    + " (its message is on standard error)");
        }
        Pointer se = lib.fuse_lowlevel_new(args, ops, Struct.size(ops), null);
        if (se == null || se.address() == 0) {
            lib.fuse_unmount(mp, ch);
            lib.fuse_opt_free_args(args);
            throw new IOException("libfuse refused the options -o " + options + " (its message is on standard error)");
        }
        lib.fuse_session_add_chan(se, ch);
        kernel.channel(ch);
        return new FuseSession(lib, mp, args, strings, ops, ch, se, InitChannel.create(lib, ch));
    }

    /** Serves requests on worker threads until the file system is unmounted. */
    public int loop() {
        return new RequestLoop(lib, session, channel, init, mountpoint).run();
    }

    /** After {@link #loop} has returned: releases the session and detaches the mount if still there. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        lib.fuse_session_remove_chan(channel);
        lib.fuse_session_destroy(session);
        if (init != null) {
            init.destroy();
        }
        lib.fuse_unmount(mountpoint, channel);
        lib.fuse_opt_free_args(args);
        argMemory.clear();
    }

    LowLevelOps ops() {
        return ops;
    }
}
