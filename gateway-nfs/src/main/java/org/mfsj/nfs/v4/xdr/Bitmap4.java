package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrIn;

/** bitmap4 (attribute numbers as bits of 32-bit words), held in two longs: we know attributes below 128. */
public record Bitmap4(long low, long high) {
    public static final Bitmap4 EMPTY = new Bitmap4(0, 0);
    private static final int MAX_WORDS = 8;

    public static Bitmap4 of(int... bits) {
        long lo = 0;
        long hi = 0;
        for (int b : bits) {
            if (b < 64) {
                lo |= 1L << b;
            } else {
                hi |= 1L << (b - 64);
            }
        }
        return new Bitmap4(lo, hi);
    }

    public boolean has(int bit) {
        return bit < 64 ? (low >>> bit & 1) != 0 : bit < 128 && (high >>> (bit - 64) & 1) != 0;
    }

    public Bitmap4 and(Bitmap4 o) {
        return new Bitmap4(low & o.low, high & o.high);
    }

    public Bitmap4 with(int bit) {
        return bit < 64 ? new Bitmap4(low | 1L << bit, high) : new Bitmap4(low, high | 1L << (bit - 64));
    }

    public boolean isEmpty() {
        return low == 0 && high == 0;
    }

    public static Bitmap4 decode(XdrDecodingStream in) throws IOException {
        int n = XdrIn.length(in, MAX_WORDS, "bitmap4");
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < n; i++) {
            long w = Integer.toUnsignedLong(in.xdrDecodeInt());
            switch (i) {
                case 0 -> lo |= w;
                case 1 -> lo |= w << 32;
                case 2 -> hi |= w;
                case 3 -> hi |= w << 32;
                default -> {
                    // attributes beyond 127 do not exist here: ignored as unsupported
                }
            }
        }
        return new Bitmap4(lo, hi);
    }

    public void encode(XdrEncodingStream out) {
        int words = high != 0 ? (high >>> 32 != 0 ? 4 : 3) : low >>> 32 != 0 ? 2 : low != 0 ? 1 : 0;
        out.xdrEncodeInt(words);
        long[] w = {low & 0xffffffffL, low >>> 32, high & 0xffffffffL, high >>> 32};
        for (int i = 0; i < words; i++) {
            out.xdrEncodeInt((int) w[i]);
        }
    }
}
