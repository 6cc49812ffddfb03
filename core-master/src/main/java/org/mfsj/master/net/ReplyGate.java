package org.mfsj.master.net;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;

/**
 * Where a finished reply goes out. The master's gate holds it until every change made so far is
 * durable, so no client ever hears of a change a crash could lose (nor reads one).
 */
@FunctionalInterface
public interface ReplyGate {
    ReplyGate IMMEDIATE = Peer::send;

    void send(Peer to, Message reply);

    /** As {@link #send}, for a reply its client does not wait for: it may ride with the next one. */
    default void sendWithNext(Peer to, Message reply) {
        send(to, reply);
    }
}
