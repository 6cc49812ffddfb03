package org.mfsj.chunkserver.net;

import io.netty.channel.EventLoopGroup;
import org.mfsj.common.wire.MessageFamily;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2chunk.ChunkChunkProtocol;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;

/**
 * The data port: clients read and write here, other chunkservers forward writes and read for
 * replication. Bootstrap and shutdown only; each connection gets its own {@link DataHandler}.
 */
public final class DataServer implements AutoCloseable {
    /** Both families arrive on the one port, and both families' replies leave it. */
    public static final MessageFamily FAMILY = MessageFamily.union("chunkserver data port",
            ClientChunkProtocol.FAMILY, ChunkChunkProtocol.FAMILY);

    private final WireServer server;
    private final DataServices services;

    private DataServer(WireServer server, DataServices services) {
        this.server = server;
        this.services = services;
    }

    /** Binds {@code host:port} ({@code *} = every address, port 0 = any free one). */
    public static DataServer bind(EventLoopGroup group, String host, int port, DataServices services)
            throws InterruptedException {
        return new DataServer(WireServer.bind(group, host, port, FAMILY, FAMILY, () -> new DataHandler(services)),
                services);
    }

    /** Connections opened to next servers of write chains so far (they are kept between sessions). */
    public long chainConnectionsOpened() {
        return services.downstreams().connected();
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting; open connections end when their event loops shut down. */
    @Override
    public void close() {
        server.close();
        services.downstreams().close();
    }
}
