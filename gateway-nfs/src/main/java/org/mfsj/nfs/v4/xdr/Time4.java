package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.GarbageException;

/** nfstime4: signed 64-bit seconds and nanoseconds; ours are nanoseconds since the epoch. */
public final class Time4 {
    private static final long NS = 1_000_000_000L;

    private Time4() {
    }

    public static void encode(XdrEncodingStream out, long nanos) {
        out.xdrEncodeLong(Math.floorDiv(nanos, NS));
        out.xdrEncodeInt((int) Math.floorMod(nanos, NS));
    }

    public static long decode(XdrDecodingStream in) throws IOException {
        long sec = in.xdrDecodeLong();
        long nsec = Integer.toUnsignedLong(in.xdrDecodeInt());
        if (nsec >= NS || sec > Long.MAX_VALUE / NS || sec < Long.MIN_VALUE / NS) {
            throw new GarbageException("nfstime4 " + sec + "." + nsec);
        }
        return sec * NS + nsec;
    }
}
