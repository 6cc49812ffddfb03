package org.mfsj.master.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.GetAttr;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.StatFs;
import org.mfsj.common.wire.client2master.StatusReply;

class RequestDispatcherTest {
    private final List<String> events = new ArrayList<>();
    private final RequestDispatcher dispatcher = new RequestDispatcher(new RequestDispatcher.ConnectionHooks() {
        @Override
        public void onRequest(Peer from) {
            events.add("request");
        }

        @Override
        public void onClose(Peer peer) {
            events.add("close");
        }
    });
    private final Peer peer = new Peer((p, m) -> { });
    private final EmbeddedChannel channel = new EmbeddedChannel(peer);

    private Message sent() {
        return channel.readOutbound();
    }

    @Test
    void aHandlersReplyIsSent() {
        dispatcher.on(Ping.class, (p, r) -> new StatusReply(r.msgId(), Status.OK), StatusReply::new);
        dispatcher.dispatch(peer, new Ping(7));
        assertThat(sent()).isEqualTo(new StatusReply(7, Status.OK));
        assertThat(events).containsExactly("request");
    }

    @Test
    void anMfsExceptionBecomesTheReplyTypeWithItsStatus() {
        dispatcher.on(GetAttr.class, (p, r) -> {
            throw new MfsException(Status.ENOENT, "inode " + r.inode());
        }, StatusReply::new);
        dispatcher.dispatch(peer, new GetAttr(3, 99));
        assertThat(sent()).isEqualTo(new StatusReply(3, Status.ENOENT));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void aBugIsAnsweredWithEioInsteadOfLeavingTheClientWaiting() {
        dispatcher.on(GetAttr.class, (p, r) -> {
            throw new IllegalStateException("bug");
        }, StatusReply::new);
        dispatcher.dispatch(peer, new GetAttr(4, 1));
        assertThat(sent()).isEqualTo(new StatusReply(4, Status.EIO));
    }

    @Test
    void anAsyncHandlerIsAnsweredWhenItCompletesAndItsFailureIsUnwrapped() {
        CompletableFuture<Message> later = new CompletableFuture<>();
        dispatcher.onAsync(StatFs.class, (p, r) -> later, StatusReply::new);
        dispatcher.dispatch(peer, new StatFs(5));
        assertThat((Object) sent()).isNull();
        later.completeExceptionally(new java.util.concurrent.CompletionException(
                new MfsException(Status.NO_CHUNKSERVERS, "none")));
        assertThat(sent()).isEqualTo(new StatusReply(5, Status.NO_CHUNKSERVERS));
    }

    @Test
    void aMessageThatIsNoRequestClosesTheConnection() {
        dispatcher.dispatch(peer, new StatusReply(1, Status.OK));
        assertThat(channel.isActive()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void aRequestTypeHasOneHandler() {
        dispatcher.on(Ping.class, (p, r) -> new StatusReply(r.msgId(), Status.OK), StatusReply::new);
        assertThatThrownBy(() -> dispatcher.on(Ping.class, (p, r) -> null, StatusReply::new))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingIsPassedToTheHooks() {
        dispatcher.closed(peer);
        assertThat(events).containsExactly("close");
    }
}
