package org.mfsj.nfs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.config.ConfigException;

/** The {@code mfs nfs} command: load the config, connect to the master, serve until SIGTERM, stop. */
public final class NfsMain {
    private NfsMain() {
    }

    /**
     * Runs the gateway in the foreground; returns once a shutdown (SIGTERM, SIGINT) has closed it.
     *
     * @throws ConfigException if the config file is wrong (the message names file, line and key)
     */
    public static void run(Path cfgFile) throws Exception {
        NfsConfig cfg = NfsConfig.load(cfgFile);
        MfsClient client = MfsClient.connect(ClientConfig.of(
                org.mfsj.common.types.ServerAddress.parseList(cfg.master().host(), cfg.master().port())).withClientInfo("mfsnfs")
                .withPassword(cfg.masterPassword()));
        NfsServer server;
        try {
            server = NfsServer.start(cfg, client, Clock.systemUTC());
        } catch (Exception e) {
            client.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mfsnfs-shutdown"));
        stopped.await();
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "/etc/mfs/mfsnfs.cfg"));
    }
}
