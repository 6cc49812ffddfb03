package org.mfsj.nfs.rpc;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** Decodes a call's arguments with a plain decoder function instead of oncrpc4j's decode-into-object. */
public final class CallArgs {
    /** Reads one procedure's arguments. */
    public interface Decoder<A> {
        A decode(XdrDecodingStream in) throws IOException;
    }

    private CallArgs() {
    }

    /**
     * The decoded arguments.
     *
     * @throws IOException when they do not decode (the caller answers GARBAGE_ARGS); runtime
     *     failures of a decoder are turned into this too, as they can only come from bad input
     */
    public static <A> A read(RpcCall call, Decoder<A> decoder) throws IOException {
        Holder<A> h = new Holder<>(decoder);
        try {
            call.retrieveCall(h);
        } catch (RuntimeException e) {
            throw new GarbageException(e.toString());
        }
        return h.value;
    }

    private static final class Holder<A> implements XdrAble {
        private final Decoder<A> decoder;
        A value;

        Holder(Decoder<A> decoder) {
            this.decoder = decoder;
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) throws IOException {
            value = decoder.decode(in);
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException("arguments are decoded only");
        }
    }
}
