package org.mfsj.master.ha;

import java.util.concurrent.Executor;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.MasterRole;
import org.mfsj.common.wire.client2master.ReadsServed;
import org.mfsj.common.wire.client2master.TransferLeader;

/**
 * Answers the {@link GroupCalls} on a client connection, whatever the master's role, and hands every
 * other message to {@code delegate}. The answers are built on the master thread, which owns the state.
 */
public final class RoleInbound implements Peer.Inbound {
    private final Executor master;
    private final GroupCalls calls;
    private final Peer.Inbound delegate;

    public RoleInbound(Executor master, GroupCalls calls, Peer.Inbound delegate) {
        this.master = master;
        this.calls = calls;
        this.delegate = delegate;
    }

    @Override
    public void onMessage(Peer from, Message message) {
        if (message instanceof MasterRole r) {
            master.execute(() -> from.send(calls.role(r.msgId())));
        } else if (message instanceof TransferLeader t) {
            master.execute(() -> calls.transfer(from, t));
        } else if (message instanceof ChangeVoters c) {
            master.execute(() -> calls.changeVoters(from, c));
        } else if (message instanceof ReadsServed r) {
            master.execute(() -> from.send(new CountReply(r.msgId(), Status.OK, calls.readsServed())));
        } else {
            delegate.onMessage(from, message);
        }
    }

    @Override
    public void onOpen(Peer peer) {
        delegate.onOpen(peer);
    }

    @Override
    public void onClose(Peer peer) {
        delegate.onClose(peer);
    }
}
