package org.mfsj.client.fake;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.wire.Transport;

/** A fake master and fake chunkservers on loopback ports, plus the clients a test opened. */
public final class FakeCluster implements AutoCloseable {
    private final EventLoopGroup group = Transport.newGroup(2);
    public final List<FakeChunkserver> chunkservers = new ArrayList<>();
    public final FakeMaster master;
    private final List<MfsClient> clients = new ArrayList<>();

    public FakeCluster(int chunkservers) throws InterruptedException {
        for (int i = 0; i < chunkservers; i++) {
            this.chunkservers.add(new FakeChunkserver(group).start());
        }
        master = new FakeMaster(group, this.chunkservers).start();
    }

    public FakeChunkserver cs(int i) {
        return chunkservers.get(i);
    }

    /** Short timeouts so failure tests finish quickly; otherwise the defaults. */
    public ClientConfig config() {
        return ClientConfig.of(master.address()).withClientInfo("test").withCallTimeout(Duration.ofSeconds(5))
                .withMasterGoneTimeout(Duration.ofSeconds(10));
    }

    public MfsClient client() throws MfsException {
        return client(config());
    }

    public MfsClient client(ClientConfig cfg) throws MfsException {
        MfsClient c = MfsClient.connect(cfg);
        clients.add(c);
        return c;
    }

    @Override
    public void close() {
        clients.forEach(MfsClient::close);
        chunkservers.forEach(FakeChunkserver::stop);
        master.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
