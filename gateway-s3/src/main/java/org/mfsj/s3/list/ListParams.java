package org.mfsj.s3.list;

import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;

/** The query parameters every listing shares: prefix, delimiter, max-keys, encoding-type. */
public record ListParams(String prefix, String delimiter, int maxKeys, boolean urlEncode) {
    public static final int MAX_KEYS = 1000;

    public static ListParams from(S3Request r) throws S3Exception {
        String prefix = r.param("prefix") == null ? "" : r.param("prefix");
        String delimiter = r.param("delimiter");
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
        int max = MAX_KEYS;
        String mk = r.param("max-keys");
        if (mk != null) {
            try {
                max = Integer.parseInt(mk.strip());
            } catch (NumberFormatException e) {
                throw new S3Exception(S3Error.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range");
            }
            if (max < 0) {
                throw new S3Exception(S3Error.INVALID_ARGUMENT, "max-keys must not be negative");
            }
            max = Math.min(max, MAX_KEYS);
        }
        String enc = r.param("encoding-type");
        if (enc != null && !enc.equals("url")) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
        }
        return new ListParams(prefix, delimiter, max, enc != null);
    }

    /** A key, prefix or marker as the answer shows it (URL-encoded when asked). */
    public String show(String s) {
        return s == null || !urlEncode ? s : UriEncoding.encode(s, true);
    }
}
