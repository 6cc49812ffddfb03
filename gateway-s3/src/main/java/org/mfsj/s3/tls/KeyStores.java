package org.mfsj.s3.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.mfsj.common.config.ConfigException;

/**
 * Loads the gateway's key store before Jetty sees it, so a wrong path, password or type stops the
 * start with a line naming the file and the fix instead of a stack trace from inside the TLS stack.
 */
public final class KeyStores {
    private KeyStores() {
    }

    public static KeyStore load(TlsConfig tls) throws ConfigException {
        String file = tls.keyStore().toString();
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(tls.type());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(file, 0, "TLS_KEYSTORE_TYPE",
                    "unknown key store type '" + tls.type() + "' (use PKCS12 or JKS)", e);
        }
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            ks.load(in, tls.password().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(file, 0, "TLS_KEYSTORE", "cannot read the key store (" + e.getMessage()
                    + "): check the path, TLS_KEYSTORE_PASSWORD and TLS_KEYSTORE_TYPE", e);
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return ks;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException(file, 0, "TLS_KEYSTORE", "cannot list the key store: " + e.getMessage(), e);
        }
        throw new ConfigException(file, 0, "TLS_KEYSTORE",
                "the key store holds no private key: it needs the server's key and certificate, not only certificates");
    }
}
