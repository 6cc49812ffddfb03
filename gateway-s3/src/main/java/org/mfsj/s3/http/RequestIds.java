package org.mfsj.s3.http;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Request ids: 16 upper-case hex digits, random, as S3 shows them. */
final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
