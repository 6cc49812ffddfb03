package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Servers, disks, space and chunk health. */
public record ClusterStatus(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static ClusterStatus decode(int msgId, WireReader r) {
        return new ClusterStatus(msgId);
    }
}
