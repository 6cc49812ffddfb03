package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** All chunks have been reported; the master may now judge copies missing. */
public record CsRegistrationDone(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static CsRegistrationDone decode(int msgId, WireReader r) {
        return new CsRegistrationDone(msgId);
    }
}
