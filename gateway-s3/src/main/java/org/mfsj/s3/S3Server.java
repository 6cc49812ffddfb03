package org.mfsj.s3;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.s3.auth.Authenticator;
import org.mfsj.s3.auth.Users;
import org.mfsj.s3.http.Router;
import org.mfsj.s3.http.S3Handler;
import org.mfsj.s3.op.multipart.UploadSweeper;
import org.mfsj.s3.op.multipart.Uploads;
import org.mfsj.s3.store.S3Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the gateway from its parts, starts Jetty, and stops it; nothing else. */
public final class S3Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3Server.class);
    /** Big enough for long presigned URLs and metadata; larger headers get 431. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Server jetty;
    private final ServerConnector connector;
    private final ScheduledExecutorService sweeper;

    private S3Server(Server jetty, ServerConnector connector, ScheduledExecutorService sweeper) {
        this.jetty = jetty;
        this.connector = connector;
        this.sweeper = sweeper;
    }

    /** Starts serving {@code client}'s namespace; the caller keeps owning the client. */
    public static S3Server start(S3Config cfg, MfsClient client, Users users, Clock clock) throws Exception {
        S3Store store = S3Store.open(client, cfg.s3Root());
        Uploads uploads = Operations.uploads(store, clock);
        Router router = new Router(Operations.all(store, uploads, cfg));
        S3Handler handler = new S3Handler(new Authenticator(users, clock, cfg.maxClockSkew()), router, cfg.domain());

        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("s3");
        Server jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        // SigV4 signs header values byte for byte: Jetty must not hand back a cached value in another case
        http.setHeaderCacheCaseSensitive(true);
        // keys are not URI paths: "a//b" or "../x" must reach the handler, which refuses them as S3 errors
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(cfg.listenHost().equals("*") ? null : cfg.listenHost());
        connector.setPort(cfg.listenPort());
        connector.setIdleTimeout(120_000);
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.start();

        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "s3-sweeper");
            t.setDaemon(true);
            return t;
        });
        UploadSweeper sweeper = new UploadSweeper(uploads, clock, cfg.multipartExpiry());
        sweep.scheduleWithFixedDelay(sweeper::sweep, 0, 1, TimeUnit.HOURS);
        LOG.info("S3 gateway listening on {}:{} (S3 root {}, {} users, vhost domain '{}')", cfg.listenHost(),
                connector.getLocalPort(), cfg.s3Root(), users.size(), cfg.domain());
        return new S3Server(jetty, connector, sweep);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty: {}", e.getMessage());
        }
    }

    static MfsClient connect(S3Config cfg) throws MfsException {
        return MfsClient.connect(org.mfsj.client.ClientConfig.of(
                org.mfsj.common.types.ServerAddress.parseList(cfg.masterHost(), cfg.masterPort())).withClientInfo("mfss3"));
    }
}
