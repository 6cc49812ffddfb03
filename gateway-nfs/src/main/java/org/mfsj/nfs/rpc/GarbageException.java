package org.mfsj.nfs.rpc;

import java.io.IOException;

/** Arguments that do not decode: the call is answered GARBAGE_ARGS. */
public final class GarbageException extends IOException {
    public GarbageException(String detail) {
        super(detail);
    }
}
