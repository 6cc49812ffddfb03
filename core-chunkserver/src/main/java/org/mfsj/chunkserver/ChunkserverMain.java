package org.mfsj.chunkserver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.mfsj.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mfs chunkserver -c FILE}: reads the config, runs the server until the process is told to stop. */
public final class ChunkserverMain {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkserverMain.class);

    private ChunkserverMain() {
    }

    /**
     * Runs a chunkserver until SIGTERM (or any JVM shutdown), then stops it cleanly.
     *
     * @throws IllegalArgumentException if the config or disk list is wrong; the message names file, line and key
     * @throws IOException if the server cannot start (server id unreadable, port taken)
     */
    public static void run(Path cfgFile) throws IOException, InterruptedException {
        ChunkserverServer server;
        try {
            server = ChunkserverServer.start(ChunkserverConfig.load(cfgFile));
        } catch (ConfigException e) {
            // the launcher prints IllegalArgumentException messages as they are: file:line: problem
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("chunkserver stopping");
            server.close();
            stopped.countDown();
        }, "cs-shutdown"));
        stopped.await();
    }
}
