package org.mfsj.s3.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * X-Amz-Date, ISO 8601 basic format {@code yyyyMMdd'T'HHmmss'Z'}, read by position: a
 * DateTimeFormatter cost every request about as much CPU as deriving its signing key.
 */
final class AmzDate {
    private static final int LENGTH = 16;

    private AmzDate() {
    }

    /** The instant, or null when {@code s} is not exactly that format or not a real date and time. */
    static Instant parse(String s) {
        if (s == null || s.length() != LENGTH || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return null;
        }
        try {
            return LocalDateTime.of(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8), digits(s, 9, 11),
                    digits(s, 11, 13), digits(s, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
