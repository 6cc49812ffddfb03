package org.mfsj.nfs.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Bounded reads of variable-length XDR items. oncrpc4j allocates whatever length a peer announces
 * before checking that the bytes are there, so every count is checked against the protocol's
 * limit first: a forged 2 GiB length is garbage, not an allocation.
 */
public final class XdrIn {
    /** Longest path component any of our protocols accepts (NFS3 names, NFSv4 component4). */
    public static final int MAX_NAME = 1024;
    /** Longest path (MOUNT dirpath, symlink target). */
    public static final int MAX_PATH = 4096;

    private XdrIn() {
    }

    /** A length word, checked to lie in {@code [0, max]}. */
    public static int length(XdrDecodingStream in, int max, String what) throws IOException {
        int len = in.xdrDecodeInt();
        if (len < 0 || len > max) {
            throw new GarbageException(what + " of " + Integer.toUnsignedString(len) + " bytes (at most " + max + ")");
        }
        return len;
    }

    public static byte[] opaque(XdrDecodingStream in, int max, String what) throws IOException {
        return in.xdrDecodeOpaque(length(in, max, what));
    }

    /** A UTF-8 string; bytes that are not UTF-8 are garbage rather than silently replaced. */
    public static String string(XdrDecodingStream in, int max, String what) throws IOException {
        byte[] b = opaque(in, max, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new GarbageException(what + " is not UTF-8");
        }
    }

    /** A fixed-size opaque, such as an 8-byte verifier. */
    public static byte[] fixed(XdrDecodingStream in, int len) throws IOException {
        return in.xdrDecodeOpaque(len);
    }

    /** An XDR bool: anything but 0 or 1 is garbage. */
    public static boolean bool(XdrDecodingStream in) throws IOException {
        int v = in.xdrDecodeInt();
        if (v != 0 && v != 1) {
            throw new GarbageException("bool of value " + v);
        }
        return v == 1;
    }

    /** An enum-like discriminant checked against {@code [0, max]}. */
    public static int choice(XdrDecodingStream in, int max, String what) throws IOException {
        int v = in.xdrDecodeInt();
        if (v < 0 || v > max) {
            throw new GarbageException(what + " of value " + v);
        }
        return v;
    }
}
