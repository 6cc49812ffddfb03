package org.mfsj.s3.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed PKCS12 key store for 127.0.0.1 and localhost (and {@code *.localhost}, for
 * virtual-host buckets), made with the JDK's own keytool: for local clusters and tests, where no
 * certificate authority is at hand. Clients trust it through {@link #trustManagers} or the PEM
 * file {@link #writeCertificatePem} writes (for {@code curl --cacert}, {@code aws --ca-bundle}).
 */
public record SelfSignedKeyStore(Path file, String password) {
    public static final String ALIAS = "mfss3";

    /** Makes the key store at {@code file} (replacing none: keytool refuses an existing alias). */
    public static SelfSignedKeyStore create(Path file, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password,
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost,dns:*.localhost"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish making " + file + " within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made " + file, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool failed to make " + file + ": " + out.strip());
        }
        return new SelfSignedKeyStore(file, password);
    }

    public TlsConfig tlsConfig(int port, boolean only) {
        return new TlsConfig(file, password, "PKCS12", port, only);
    }

    /** Trust managers that accept this certificate alone (unchecked, to serve as an SDK trust provider). */
    public TrustManager[] trustManagers() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build trust managers from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the certificate as PEM, the form curl, aws-cli and rclone read. */
    public Path writeCertificatePem(Path pem) throws IOException {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate().getEncoded());
            return Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    private Certificate certificate() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks.getCertificate(ALIAS);
    }
}
