package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Asks the leader to hand leadership over (a planned switch-over, master HA): to the master whose
 * clients' address is {@code target}, or with {@code target} empty to the most up-to-date
 * follower. The leader holds new requests until the target has every entry, at most
 * {@code timeoutMillis}, then tells it to stand for election at once.
 */
public record TransferLeader(int msgId, String target, long timeoutMillis) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.str(target).u64(timeoutMillis);
    }

    public static TransferLeader decode(int msgId, WireReader r) {
        return new TransferLeader(msgId, r.str(), r.u64());
    }
}
