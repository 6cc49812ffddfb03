package org.mfsj.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenge-response for export passwords: the master sends a random challenge, the client
 * answers HMAC-SHA256(key = MD5(password), challenge). The password never crosses the wire,
 * and the master may keep only its MD5 (mfsexports.cfg's md5pass).
 */
public final class PasswordProof {
    public static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordProof() {
    }

    public static byte[] challenge() {
        byte[] c = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(c);
        return c;
    }

    public static byte[] md5(String password) {
        try {
            return MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] answer(byte[] passwordMd5, byte[] challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(passwordMd5, "HmacSHA256"));
            return mac.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of an answer. */
    public static boolean verify(byte[] passwordMd5, byte[] challenge, byte[] answer) {
        return challenge != null && answer != null && MessageDigest.isEqual(answer(passwordMd5, challenge), answer);
    }
}
