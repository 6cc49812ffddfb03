package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Every file in trash; answered with a {@link TrashListReply}. */
public record ListTrash(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        // no fields
    }

    public static ListTrash decode(int msgId, WireReader r) {
        return new ListTrash(msgId);
    }
}
