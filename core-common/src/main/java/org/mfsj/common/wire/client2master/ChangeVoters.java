package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Asks the leader to change the voting masters by one (master HA membership): to add the master
 * whose sync address is {@code master} (first brought up to date as a non-voter, for at most
 * {@code timeoutMillis}), or to remove the voter named by its sync or clients' address.
 */
public record ChangeVoters(int msgId, boolean add, String master, long timeoutMillis) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u8(add ? 1 : 0).str(master).u64(timeoutMillis);
    }

    public static ChangeVoters decode(int msgId, WireReader r) {
        return new ChangeVoters(msgId, r.u8() == 1, r.str(), r.u64());
    }
}
