package org.mfsj.s3.op;

import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * One byte range of an object, {@code [first, last]} inclusive, from a Range header
 * ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}).
 */
public record ByteRange(long first, long last) {
    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * @return the range, or null when the header is absent or not a single byte range (S3 then sends the whole object)
     * @throws S3Exception InvalidRange when the range starts past the end; its message is the Content-Range to send
     */
    public static ByteRange parse(String header, long size) throws S3Exception {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                return new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (first >= size && first >= 0) {
                throw unsatisfiable(size);
            }
            if (first < 0 || last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A copy-source range must be satisfiable as written. */
    public static ByteRange parseStrict(String header, long size) throws S3Exception {
        ByteRange r = parse(header, size);
        if (r == null || header.strip().startsWith("bytes=-") || header.strip().endsWith("-")) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "The x-amz-copy-source-range value must be of the form"
                    + " bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        if (r.last() < writtenLast(header)) {
            throw new S3Exception(S3Error.INVALID_RANGE, "The x-amz-copy-source-range " + header.strip()
                    + " reaches past the source's " + size + " bytes");
        }
        return r;
    }

    /** The last offset as the client wrote it, before {@link #parse} clamped it to the size. */
    private static long writtenLast(String header) {
        String s = header.strip();
        return Long.parseLong(s.substring(s.indexOf('-') + 1).strip());
    }

    private static S3Exception unsatisfiable(long size) {
        return new S3Exception(S3Error.INVALID_RANGE, "bytes */" + size);
    }
}
