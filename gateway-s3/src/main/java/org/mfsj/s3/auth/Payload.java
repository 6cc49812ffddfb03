package org.mfsj.s3.auth;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request body after authentication: the object bytes (aws-chunked framing removed, chunk
 * signatures and the payload hash checked as they pass), the object size when known, and the
 * trailing headers once the stream is at its end.
 *
 * @param length object bytes announced (Content-Length or x-amz-decoded-content-length); -1 unknown
 */
public record Payload(InputStream stream, long length, Supplier<Map<String, String>> trailers) {
    public static Payload of(InputStream stream, long length) {
        return new Payload(stream, length, Map::of);
    }
}
