package org.mfsj.master;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.mfsj.common.config.ConfigException;

/**
 * The {@code mfs master} command: load the config, start, serve until SIGTERM, stop. SIGHUP
 * re-reads mfsexports.cfg (as MooseFS's {@code mfsmaster reload} does) and, on the leading master,
 * makes it the cluster's exports.
 */
public final class MasterMain {
    private MasterMain() {
    }

    /**
     * Runs the master in the foreground; returns once a shutdown (SIGTERM, SIGINT) has closed it.
     *
     * @throws ConfigException if the config file is wrong (the message names file, line and key)
     * @throws IOException if the metadata cannot be loaded (a damaged file is named with its offset)
     */
    public static void run(Path cfgFile) throws ConfigException, InterruptedException, IOException {
        MasterConfig cfg = MasterConfig.load(cfgFile);
        RunningMaster server = cfg.ha().replicated() ? ReplicatedMasterServer.start(cfg, Clock.systemUTC())
                : MasterServer.start(cfg, Clock.systemUTC());
        ReloadSignal.install(server::reloadExports);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(MasterMain.class).error("master did not stop cleanly", e);
            }
            stopped.countDown();
        }, "mfsmaster-shutdown"));
        stopped.await();
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "/etc/mfs/mfsmaster.cfg"));
    }
}
