package org.mfsj.master.ha;

import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.MasterRole;
import org.mfsj.common.wire.client2master.MasterRoleReply;

/**
 * Answers {@link MasterRole} on a client connection, whatever the master's role, and hands every
 * other message to {@code delegate}. The answer is built on the master thread, which owns the state.
 */
public final class RoleInbound implements Peer.Inbound {
    private final Executor master;
    private final IntFunction<MasterRoleReply> role;
    private final Peer.Inbound delegate;

    public RoleInbound(Executor master, IntFunction<MasterRoleReply> role, Peer.Inbound delegate) {
        this.master = master;
        this.role = role;
        this.delegate = delegate;
    }

    @Override
    public void onMessage(Peer from, Message message) {
        if (message instanceof MasterRole r) {
            master.execute(() -> from.send(role.apply(r.msgId())));
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
