package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.WireWriter;

/**
 * A call sent inside another message that asks for more around it (a scratch create, directory
 * attributes with the answer): it keeps the wrapped call's message and request ids, so retries
 * and replies match as the call's own would, and by default its body is the call's.
 */
public interface WrappedCall extends Idempotent {
    Idempotent call();

    @Override
    default int msgId() {
        return call().msgId();
    }

    @Override
    default long reqId() {
        return call().reqId();
    }

    @Override
    default void encodeBody(WireWriter w) {
        call().encodeBody(w);
    }
}
