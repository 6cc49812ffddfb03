package org.mfsj.s3;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mfsj.client.MfsClient;
import org.mfsj.common.NamedThreads;
import org.mfsj.common.status.MfsException;
import org.mfsj.s3.auth.Authenticator;
import org.mfsj.s3.auth.Users;
import org.mfsj.s3.cors.CorsAnswer;
import org.mfsj.s3.cors.CorsConfigs;
import org.mfsj.s3.http.Router;
import org.mfsj.s3.post.BrowserPost;
import org.mfsj.s3.http.S3Handler;
import org.mfsj.s3.op.multipart.UploadSweeper;
import org.mfsj.s3.op.object.PieceStream;
import org.mfsj.s3.op.multipart.Uploads;
import org.mfsj.s3.list.DirCache;
import org.mfsj.s3.store.S3Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the gateway from its parts, starts Jetty, and stops it; nothing else. */
public final class S3Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3Server.class);

    private final Server jetty;
    private final S3Connectors.Built connectors;
    private final ScheduledExecutorService sweeper;
    private final ExecutorService reads;

    private S3Server(Server jetty, S3Connectors.Built connectors, ScheduledExecutorService sweeper,
                     ExecutorService reads) {
        this.jetty = jetty;
        this.connectors = connectors;
        this.sweeper = sweeper;
        this.reads = reads;
    }

    /** Starts serving {@code client}'s namespace; the caller keeps owning the client. */
    public static S3Server start(S3Config cfg, MfsClient client, Users users, Clock clock) throws Exception {
        S3Store store = S3Store.open(client, cfg.s3Root(), new DirCache(), clock);
        Uploads uploads = Operations.uploads(store, clock);
        CorsConfigs cors = new CorsConfigs(client, System::nanoTime);
        // a GET's reads ahead get threads of their own: on the request threads' pool, requests waiting
        // for their reads could hold every thread while the reads wait in its queue
        ExecutorService reads = Executors.newCachedThreadPool(NamedThreads.daemons("s3-read"));
        Router router = new Router(Operations.all(store, uploads, cfg, cors, reads));
        S3Handler handler = new S3Handler(new Authenticator(users, clock, cfg.maxClockSkew()), router, cfg.domain(),
                new CorsAnswer(store, cors), new BrowserPost(store, users, clock), store);

        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("s3");
        // the default pool keeps nothing above 64 KiB: a GET's 256 KiB pieces would be fresh direct
        // buffers every time
        Server jetty = new Server(pool, null, new ArrayByteBufferPool(0, 4096, PieceStream.PIECE, -1, 0, 0));
        S3Connectors.Built connectors = S3Connectors.build(jetty, cfg);
        for (ServerConnector c : connectors.all()) {
            jetty.addConnector(c);
        }
        jetty.setHandler(handler);
        jetty.start();

        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemons("s3-sweeper"));
        UploadSweeper sweeper = new UploadSweeper(uploads, clock, cfg.multipartExpiry());
        sweep.scheduleWithFixedDelay(sweeper::sweep, 0, 1, TimeUnit.HOURS);
        LOG.info("S3 gateway listening on {} http {} https {} (S3 root {}, {} users, vhost domain '{}')",
                cfg.listenHost(), portText(connectors.http()), portText(connectors.https()), cfg.s3Root(), users.size(),
                cfg.domain());
        return new S3Server(jetty, connectors, sweep, reads);
    }


    /** The plain HTTP port; -1 when the gateway serves HTTPS only. */
    public int port() {
        return connectors.http() == null ? -1 : connectors.http().getLocalPort();
    }

    /** The HTTPS port; -1 without a key store. */
    public int tlsPort() {
        return connectors.https() == null ? -1 : connectors.https().getLocalPort();
    }

    private static String portText(ServerConnector c) {
        return c == null ? "off" : Integer.toString(c.getLocalPort());
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty: {}", e.getMessage());
        }
        reads.shutdownNow();
    }

    static MfsClient connect(S3Config cfg) throws MfsException {
        return MfsClient.connect(org.mfsj.client.ClientConfig.of(
                org.mfsj.common.types.ServerAddress.parseList(cfg.masterHost(), cfg.masterPort())).withClientInfo("mfss3")
                .withPassword(cfg.masterPassword()));
    }
}
