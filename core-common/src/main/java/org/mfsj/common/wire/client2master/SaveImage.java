package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Asks the master to write a metadata image now (in the background; the master goes on serving).
 * Answered with a {@link CountReply} holding the metadata version the new image holds.
 */
public record SaveImage(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static SaveImage decode(int msgId, WireReader r) {
        return new SaveImage(msgId);
    }
}
