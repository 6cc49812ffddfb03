package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** How many reads this master answered on read sessions (as a follower); a CountReply. No session needed. */
public record ReadsServed(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static ReadsServed decode(int msgId, WireReader r) {
        return new ReadsServed(msgId);
    }
}
