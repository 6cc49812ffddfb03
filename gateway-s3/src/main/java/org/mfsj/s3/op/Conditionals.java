package org.mfsj.s3.op;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;

/** If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since, in S3's order of precedence. */
public final class Conditionals {
    private Conditionals() {
    }

    /** For GET and HEAD: 412 PreconditionFailed or 304 NotModified. */
    public static void check(S3Request r, String etag, long mtimeNanos) throws S3Exception {
        check(r, "", etag, mtimeNanos, S3Error.NOT_MODIFIED);
    }

    /** For the source of a copy: the same headers prefixed with x-amz-copy-source-, all failing with 412. */
    public static void checkCopySource(S3Request r, String etag, long mtimeNanos) throws S3Exception {
        check(r, "x-amz-copy-source-", etag, mtimeNanos, S3Error.PRECONDITION_FAILED);
    }

    private static void check(S3Request r, String prefix, String etag, long mtimeNanos, S3Error notModified)
            throws S3Exception {
        long mtime = mtimeNanos / 1_000_000_000L;
        String ifMatch = r.header(prefix + "if-match");
        String ifNoneMatch = r.header(prefix + "if-none-match");
        Long modifiedSince = date(r.header(prefix + "if-modified-since"));
        Long unmodifiedSince = date(r.header(prefix + "if-unmodified-since"));
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw new S3Exception(S3Error.PRECONDITION_FAILED);
            }
        } else if (unmodifiedSince != null && mtime > unmodifiedSince) {
            throw new S3Exception(S3Error.PRECONDITION_FAILED);
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                throw new S3Exception(notModified);
            }
        } else if (modifiedSince != null && mtime <= modifiedSince) {
            throw new S3Exception(notModified);
        }
    }

    private static boolean matches(String header, String etag) {
        for (String t : header.split(",")) {
            String s = unquoted(t);
            if (s.equals("*") || s.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** An entity tag as sent ({@code "abc"}, {@code W/"abc"}) without its quotes and weakness mark. */
    static String unquoted(String tag) {
        String s = tag.strip();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        return s.replace("\"", "");
    }

    private static Long date(String v) {
        if (v == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
