package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link ReadDir} answered by name only, packed ({@link ReadDirNamesReply}, see
 * {@link org.mfsj.common.types.NameList}): what a listing nobody stats needs. The call's
 * {@code withAttrs} is not read.
 */
public record ReadDirNames(ReadDir call) implements Message {
    @Override
    public int msgId() {
        return call.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        call.encodeBody(w);
    }

    public static ReadDirNames decode(int msgId, WireReader r) {
        return new ReadDirNames(ReadDir.decode(msgId, r));
    }
}
