package org.mfsj.s3.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.xml.XmlWriter;

/**
 * Writes the S3 error document: code, message, resource and request id, no body for HEAD. The
 * CORS headers the request earned are kept, so a browser's script can read the error.
 */
final class ErrorResponder {
    private ErrorResponder() {
    }

    static void send(Response resp, Callback cb, S3Exception e, String method, String resource, String requestId,
            Map<String, String> corsHeaders) {
        S3Error err = e.error();
        resp.reset();
        corsHeaders.forEach((k, v) -> resp.getHeaders().put(k, v));
        resp.setStatus(err.status());
        resp.getHeaders().put("x-amz-request-id", requestId);
        resp.getHeaders().put("x-amz-id-2", requestId);
        if (err == S3Error.INVALID_RANGE && e.getMessage().startsWith("bytes */")) {
            resp.getHeaders().put(HttpHeader.CONTENT_RANGE, e.getMessage());
        }
        if ("HEAD".equals(method) || err.status() == 304) {
            resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            resp.write(true, null, cb);
            return;
        }
        String message = err == S3Error.INVALID_RANGE ? err.message() : e.getMessage();
        byte[] body = XmlWriter.plain("Error")
                .element("Code", err.code())
                .element("Message", message == null ? err.message() : message)
                .optional("Resource", resource)
                .element("RequestId", requestId)
                .element("HostId", requestId)
                .toBytes();
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        resp.write(true, ByteBuffer.wrap(body), cb);
    }
}
