package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.GarbageException;

/** nfstime3: unsigned seconds and nanoseconds; ours are nanoseconds since the epoch. */
public final class Time3 {
    private static final long NS = 1_000_000_000L;

    private Time3() {
    }

    public static void encode(XdrEncodingStream out, long nanos) {
        out.xdrEncodeInt((int) Math.floorDiv(nanos, NS));
        out.xdrEncodeInt((int) Math.floorMod(nanos, NS));
    }

    public static long decode(XdrDecodingStream in) throws IOException {
        long sec = Integer.toUnsignedLong(in.xdrDecodeInt());
        long nsec = Integer.toUnsignedLong(in.xdrDecodeInt());
        if (nsec >= NS) {
            throw new GarbageException("nseconds " + nsec);
        }
        return sec * NS + nsec;
    }
}
