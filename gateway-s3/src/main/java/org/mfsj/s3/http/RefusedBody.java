package org.mfsj.s3.http;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * What is left of a refused request's body, read and dropped before the error is sent. A client
 * still sending when the connection closes under it gets a TCP reset, which can destroy our
 * answer before it reads it: it then sees a broken connection instead of EntityTooLarge or
 * AccessDenied. Bounded, so a huge body still ends in a close.
 */
final class RefusedBody {
    static final long DRAIN_LIMIT = 8L << 20;

    private RefusedBody() {
    }

    /** {@code body} null: the request was refused before its body was opened. */
    static void drain(Request req, InputStream body) {
        // a client that waits for 100 Continue has sent nothing: reading would ask it for the whole body
        if (body == null || req.getHeaders().get(HttpHeader.EXPECT) != null) {
            return;
        }
        byte[] sink = new byte[64 * 1024];
        long left = DRAIN_LIMIT;
        try {
            while (left > 0) {
                int n = body.read(sink, 0, (int) Math.min(sink.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the body is broken or gone: nothing to protect the answer from
        }
    }
}
