package org.mfsj.common.wire;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;

/** Opens outgoing connections: codec plus a {@link Peer} per connection. */
public final class WireClient {
    private WireClient() {
    }

    public static CompletableFuture<Peer> connect(EventLoopGroup group, ServerAddress to, MessageFamily inbound,
                                                  MessageFamily outbound, Peer.Inbound handler, int timeoutMillis) {
        Peer peer = new Peer(handler);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(Transport.clientChannel())
                .option(ChannelOption.ALLOCATOR, Transport.allocator())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new MessageCodec(inbound, outbound), peer);
                    }
                });
        CompletableFuture<Peer> result = new CompletableFuture<>();
        ChannelFuture cf = b.connect(to.host(), to.port());
        cf.addListener(f -> {
            if (f.isSuccess()) {
                result.complete(peer);
            } else {
                result.completeExceptionally(new MfsException(Status.DISCONNECTED,
                        "cannot connect to " + to + ": " + f.cause().getMessage(), f.cause()));
            }
        });
        return result;
    }
}
