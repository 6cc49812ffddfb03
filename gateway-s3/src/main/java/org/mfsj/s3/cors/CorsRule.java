package org.mfsj.s3.cors;

import java.util.List;
import java.util.Locale;

/**
 * One CORSRule of a bucket: which origins may send which methods with which headers, what the
 * browser may read of the answer and how long it may cache a preflight. Origins and headers may
 * hold one {@code *} each, which stands for any run of characters (S3's rule); headers compare
 * without regard to case, origins exactly.
 *
 * @param maxAgeSeconds -1 when not given
 */
public record CorsRule(String id, List<String> allowedOrigins, List<String> allowedMethods,
        List<String> allowedHeaders, List<String> exposeHeaders, int maxAgeSeconds) {
    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** The origin pattern that admits {@code origin}, or null. */
    String originMatching(String origin) {
        for (String pattern : allowedOrigins) {
            if (wildcard(pattern, origin)) {
                return pattern;
            }
        }
        return null;
    }

    /** Whether every header a preflight announces is allowed. */
    boolean allowsHeaders(List<String> requested) {
        for (String h : requested) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (allowedHeaders.stream().noneMatch(p -> wildcard(p.toLowerCase(Locale.ROOT), lower))) {
                return false;
            }
        }
        return true;
    }

    /** {@code pattern} with at most one {@code *} (checked when the rule was read). */
    static boolean wildcard(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return value.length() >= head.length() + tail.length() && value.startsWith(head) && value.endsWith(tail);
    }
}
