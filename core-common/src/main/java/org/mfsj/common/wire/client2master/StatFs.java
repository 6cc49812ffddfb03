package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Space and inode totals. */
public record StatFs(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static StatFs decode(int msgId, WireReader r) {
        return new StatFs(msgId);
    }
}
