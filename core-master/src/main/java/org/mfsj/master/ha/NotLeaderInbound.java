package org.mfsj.master.ha;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client or chunkserver connection to a master that does not lead: a session or a registration
 * is refused with {@link Status#NOT_LEADER} (the peer then tries the next master of its list),
 * any other request gets that status too, and notifications are dropped.
 */
public final class NotLeaderInbound implements Peer.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(NotLeaderInbound.class);

    private final String self;

    /** {@code self} names this master in the log. */
    public NotLeaderInbound(String self) {
        this.self = self;
    }

    @Override
    public void onMessage(Peer from, Message m) {
        if (m instanceof RegisterSession r) {
            LOG.info("client {} ({}) refused: master {} does not lead", from.remote(), r.clientInfo(), self);
            from.send(new RegisterSessionReply(r.msgId(), Status.NOT_LEADER, 0, 0, false,
                    "master " + self + " does not lead; try another master of the list"));
        } else if (m instanceof CsRegister r) {
            LOG.info("chunkserver {} refused: master {} does not lead", from.remote(), self);
            from.send(new CsRegisterReply(r.msgId(), Status.NOT_LEADER));
        } else if (m.msgId() != 0) {
            from.send(new StatusReply(m.msgId(), Status.NOT_LEADER));
        }
    }
}
