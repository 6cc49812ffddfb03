package org.mfsj.fuse.lowlevel;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * Native memory seen as a {@link ByteBuffer}, so request data goes straight between libfuse's
 * buffers and the client's own (its write-back buffer, its read-ahead) without a Java array in
 * between. A view does not own its memory: it is valid while the request it came with is served.
 */
public final class NativeViews {
    private NativeViews() {
    }

    /** The {@code size} bytes at {@code p}. */
    public static ByteBuffer of(Pointer p, int size) {
        return MemoryIO.getInstance().newDirectByteBuffer(p.address(), size);
    }
}
