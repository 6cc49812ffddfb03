package org.mfsj.chunkserver;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mfsj.chunkserver.store.StoreOptions;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Transport;

/**
 * A fake master and real chunkservers in this JVM, each server in its own directory under
 * {@code root} (its data path and disks), so a server started again by name finds its chunks.
 */
final class TestCluster implements AutoCloseable {
    final EventLoopGroup group = Transport.newGroup(2);
    final FakeMaster master;
    private final Path root;
    private final List<ChunkserverServer> running = new ArrayList<>();

    TestCluster(Path root) throws InterruptedException {
        this.root = root;
        this.master = new FakeMaster(group);
    }

    /** A server with one disk and no scrubbing, registered with the fake master. */
    ChunkserverServer start(String name) throws Exception {
        return start(name, 1, 0, StoreOptions.defaults());
    }

    ChunkserverServer start(String name, int disks, int hddTestFreq, StoreOptions options) throws Exception {
        ChunkserverServer s = ChunkserverServer.start(config(name, disks, hddTestFreq), options);
        running.add(s);
        master.awaitRegistration(s.serverId());
        return s;
    }

    /** The config a server of this name runs with: loopback, any free port, 1 s reconnect delay. */
    ChunkserverConfig config(String name, int disks, int hddTestFreq) throws IOException {
        Path base = root.resolve(name);
        StringBuilder hdd = new StringBuilder("# disks of " + name + "\n");
        for (int i = 1; i <= disks; i++) {
            Path disk = disk(name, i);
            Files.createDirectories(disk);
            hdd.append(disk).append('\n');
        }
        Path hddFile = base.resolve("mfshdd.cfg");
        Files.writeString(hddFile, hdd);
        return new ChunkserverConfig(base.resolve("data"), "127.0.0.1", master.address().port(), "127.0.0.1", 0,
                hddFile, hddTestFreq, 1, 4);
    }

    Path disk(String name, int i) {
        return root.resolve(name).resolve("hdd" + i);
    }

    Path dir(String name) {
        return root.resolve(name);
    }

    static ServerAddress address(ChunkserverServer s) {
        return new ServerAddress("127.0.0.1", s.dataPort());
    }

    DataClient client(ChunkserverServer s) throws Exception {
        return DataClient.connect(group, address(s));
    }

    @Override
    public void close() {
        running.forEach(ChunkserverServer::close);
        master.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
