package org.mfsj.nfs.fs;

import java.nio.ByteBuffer;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.types.Attr;

/**
 * The verifier of an exclusive create, kept in the new file's atime and mtime (as whole seconds,
 * which every store keeps exactly), so a retransmitted create recognises its own file.
 */
public final class ExclusiveVerifier {
    private static final long NS = 1_000_000_000L;

    private ExclusiveVerifier() {
    }

    public static SetAttrRequest stamp(byte[] verifier) {
        ByteBuffer b = ByteBuffer.wrap(verifier);
        long hi = Integer.toUnsignedLong(b.getInt());
        long lo = Integer.toUnsignedLong(b.getInt());
        return SetAttrRequest.times(hi * NS, lo * NS);
    }

    /** Whether {@code a} is a file that an exclusive create with {@code verifier} made. */
    public static boolean matches(Attr a, byte[] verifier) {
        SetAttrRequest s = stamp(verifier);
        return a.isFile() && a.atimeNanos() == s.atimeNanos() && a.mtimeNanos() == s.mtimeNanos();
    }
}
