package org.mfsj.common.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * A listening socket whose connections each get a {@link MessageCodec} and a fresh {@link Peer}.
 * Only bootstrap and shutdown live here; behaviour is in the {@link Peer.Inbound} the caller gives.
 */
public final class WireServer implements AutoCloseable {
    private final Channel channel;
    /** Accepted connections, so that closing the server also ends them. */
    private final ChannelGroup connections;

    private WireServer(Channel channel, ChannelGroup connections) {
        this.channel = channel;
        this.connections = connections;
    }

    public static WireServer bind(EventLoopGroup group, String host, int port, MessageFamily inbound,
                                  MessageFamily outbound, Supplier<Peer.Inbound> handler) throws InterruptedException {
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOCATOR, Transport.allocator())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new MessageCodec(inbound, outbound), new Peer(handler.get()));
                    }
                });
        InetSocketAddress at = host == null || host.isEmpty() || host.equals("*")
                ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        return new WireServer(b.bind(at).sync().channel(), connections);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Ends every accepted connection and goes on listening (their peers come back as to a restart). */
    public void dropConnections() {
        connections.close().awaitUninterruptibly();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
