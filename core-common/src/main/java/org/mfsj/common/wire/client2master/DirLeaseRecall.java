package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Master to client, unasked (message id 0): another client changes the names of {@code dir}, on
 * which this connection holds a {@link DirLease}. The lease is gone; the master holds that change's
 * answer until the client gives it back ({@link DirLease.Op#GIVE_BACK}), which it does once it
 * stopped answering from what it knew of the directory.
 */
public record DirLeaseRecall(int msgId, long dir) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(dir);
    }

    public static DirLeaseRecall decode(int msgId, WireReader r) {
        return new DirLeaseRecall(msgId, r.u64());
    }
}
