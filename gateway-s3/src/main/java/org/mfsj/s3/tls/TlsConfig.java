package org.mfsj.s3.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The HTTPS listener of the gateway, from {@code mfss3.cfg}: off unless a key store is named.
 *
 * @param keyStore the key store holding the server's key and certificate chain; null = no TLS
 * @param password its password (also used for the key inside)
 * @param type its type: PKCS12 (what keytool and openssl make) or JKS
 * @param port the HTTPS port; 0 picks a free one (tests)
 * @param only true to serve HTTPS alone, without the plain HTTP listener
 */
public record TlsConfig(Path keyStore, String password, String type, int port, boolean only) {
    public TlsConfig {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    public static TlsConfig off() {
        return new TlsConfig(null, "", "PKCS12", 0, false);
    }

    public boolean enabled() {
        return keyStore != null;
    }

    /** A relative key store is read next to the config file, as the users file is. */
    public TlsConfig resolvedAgainst(Path dir) {
        if (keyStore == null || keyStore.isAbsolute() || dir == null) {
            return this;
        }
        return new TlsConfig(dir.resolve(keyStore), password, type, port, only);
    }
}
