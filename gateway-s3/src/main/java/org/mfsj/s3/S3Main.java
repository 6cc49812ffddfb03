package org.mfsj.s3;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.mfsj.client.MfsClient;
import org.mfsj.s3.auth.Users;

/** The {@code mfs s3} command: load the config and users, connect, serve until SIGTERM, stop. */
public final class S3Main {
    private S3Main() {
    }

    /**
     * Runs the gateway in the foreground; returns once a shutdown (SIGTERM, SIGINT) has closed it.
     *
     * @throws org.mfsj.common.config.ConfigException if the config or users file is wrong
     */
    public static void run(Path cfgFile) throws Exception {
        S3Config cfg = S3Config.load(cfgFile);
        Users users = Users.load(cfg.usersFile());
        MfsClient client = S3Server.connect(cfg);
        S3Server server;
        try {
            server = S3Server.start(cfg, client, users, Clock.systemUTC());
        } catch (Exception e) {
            client.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            client.close();
            stopped.countDown();
        }, "mfss3-shutdown"));
        stopped.await();
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "/etc/mfs/mfss3.cfg"));
    }
}
