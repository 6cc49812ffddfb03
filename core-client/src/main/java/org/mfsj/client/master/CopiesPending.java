package org.mfsj.client.master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.ReadChunkReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.WriteChunkReply;

/**
 * Recognises a master's {@link Status#COPIES_PENDING}: it leads since moments ago and has not
 * heard from the chunkservers holding the chunk asked for. The call did nothing and is asked again.
 */
final class CopiesPending {
    private CopiesPending() {
    }

    static boolean in(Message reply) {
        Status s = reply instanceof ReadChunkReply r ? r.status()
                : reply instanceof WriteChunkReply w ? w.status()
                : reply instanceof StatusReply st ? st.status() : Status.OK;
        return s == Status.COPIES_PENDING;
    }
}
