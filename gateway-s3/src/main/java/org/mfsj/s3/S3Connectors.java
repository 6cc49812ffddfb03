package org.mfsj.s3;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.mfsj.common.config.ConfigException;
import org.mfsj.s3.tls.KeyStores;
import org.mfsj.s3.tls.TlsConfig;

/** The gateway's listeners: plain HTTP on LISTEN_PORT and, with a key store, HTTPS on TLS_LISTEN_PORT. */
final class S3Connectors {
    /** Big enough for long presigned URLs and metadata; larger headers get 431. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final long IDLE_TIMEOUT_MS = 120_000;

    /** What was built: the plain connector and the TLS one, either null when off. */
    record Built(ServerConnector http, ServerConnector https) {
        List<ServerConnector> all() {
            List<ServerConnector> out = new ArrayList<>();
            if (http != null) {
                out.add(http);
            }
            if (https != null) {
                out.add(https);
            }
            return out;
        }
    }

    private S3Connectors() {
    }

    static Built build(Server jetty, S3Config cfg) throws ConfigException {
        TlsConfig tls = cfg.tls();
        ServerConnector http = tls.enabled() && tls.only() ? null
                : listener(new ServerConnector(jetty, new HttpConnectionFactory(httpConfig())), cfg, cfg.listenPort());
        ServerConnector https = null;
        if (tls.enabled()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(KeyStores.load(tls));
            ssl.setKeyStorePassword(tls.password());
            HttpConfiguration conf = httpConfig();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // clients verify the name themselves; the server-side check would refuse the IP
            // addresses and bucket.DOMAIN names a certificate does not list, with an unhelpful 400
            secure.setSniHostCheck(false);
            conf.addCustomizer(secure);
            https = listener(new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(conf)), cfg, tls.port());
        }
        return new Built(http, https);
    }

    private static HttpConfiguration httpConfig() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        // SigV4 signs header values byte for byte: Jetty must not hand back a cached value in another case
        http.setHeaderCacheCaseSensitive(true);
        // keys are not URI paths: "a//b" or "../x" must reach the handler, which refuses them as S3 errors
        http.setUriCompliance(UriCompliance.UNSAFE);
        return http;
    }

    private static ServerConnector listener(ServerConnector c, S3Config cfg, int port) {
        c.setHost(cfg.listenHost().equals("*") ? null : cfg.listenHost());
        c.setPort(port);
        c.setIdleTimeout(IDLE_TIMEOUT_MS);
        return c;
    }
}
