package org.mfsj.master.net;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/** Recognises a retried request and brackets each call so its changes carry the request id. */
public interface Retries {
    Retries NONE = new Retries() {
        @Override
        public Message begin(Peer from, Message request) {
            return null;
        }

        @Override
        public void end() {
        }
    };

    /**
     * The reply a request got when it was first done, or null when it is new; then every change
     * until {@link #end} is tagged with its request id.
     */
    Message begin(Peer from, Message request);

    void end();
}
