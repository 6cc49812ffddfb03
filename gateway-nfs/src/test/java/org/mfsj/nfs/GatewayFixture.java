package org.mfsj.nfs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mfsj.client.memory.InMemoryMfsClient;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.nfs.exports.Export;

/**
 * A gateway on 127.0.0.1 (free ports, no rpcbind) over an in-memory file system with four exports:
 * "/" read-write without squash, "/ro" read-only, "/squashed" squashing everyone to uid 1000, and
 * "/secure" which refuses the tests' unprivileged source ports.
 */
public final class GatewayFixture implements AutoCloseable {
    public final InMemoryMfsClient fs = new InMemoryMfsClient();
    public final NfsServer server;

    public GatewayFixture() throws Exception {
        this(Clock.systemUTC(), Duration.ZERO);
    }

    /** With the clock the NFSv4 leases run on and a grace period after start. */
    public GatewayFixture(Clock clock, Duration grace) throws Exception {
        for (String d : new String[] {"ro", "squashed", "secure"}) {
            fs.mkdir(Creds.ROOT, fs.rootInode(), d, 0777);
        }
        NfsConfig defaults = NfsConfig.from(ConfigLoader.defaults(NfsConfig.SCHEMA));
        NfsConfig cfg = new NfsConfig(new ServerAddress("127.0.0.1", 1), "127.0.0.1", 0, 0, true, false,
                defaults.fsid(), List.of(
                        Export.parse("/ 127.0.0.1 rw,no_root_squash,insecure"),
                        Export.parse("/ro 127.0.0.0/8 ro,insecure"),
                        Export.parse("/squashed * rw,all_squash,anonuid=1000,anongid=1000,insecure"),
                        Export.parse("/secure 127.0.0.1 rw")),
                2, Duration.ofSeconds(10), Duration.ofSeconds(90), grace, "localdomain",
                // no attribute cache: these tests change files behind the gateway's back and expect it to
                // see that at once (AttrCacheTest and NfsRoundTripsIT cover the cache)
                Duration.ZERO, null);
        server = NfsServer.start(cfg, fs, clock);
    }

    @Override
    public void close() {
        server.close();
    }
}
