package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Asks a master whether it leads; every master answers it, leader or not, with no session. */
public record MasterRole(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static MasterRole decode(int msgId, WireReader r) {
        return new MasterRole(msgId);
    }
}
