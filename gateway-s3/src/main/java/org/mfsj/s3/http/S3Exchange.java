package org.mfsj.s3.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.auth.Payload;
import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.xml.XmlWriter;

/** One request being answered: what was asked, by whom, its body, and blocking ways to reply. */
public final class S3Exchange {
    private final S3Request request;
    private final Response response;
    private final S3User user;
    private final Payload payload;

    public S3Exchange(S3Request request, Response response, S3User user, Payload payload) {
        this.request = request;
        this.response = response;
        this.user = user;
        this.payload = payload;
    }

    public S3Request request() {
        return request;
    }

    public S3User user() {
        return user;
    }

    public Creds creds() {
        return user.creds();
    }

    public Payload payload() {
        return payload;
    }

    public S3Exchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    public void sendXml(int status, XmlWriter xml) throws IOException {
        byte[] body = xml.toBytes();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        write(body);
    }

    /** A reply without a body (HEAD, DELETE, PUT): headers set so far plus the status. */
    public void sendEmpty(int status) throws IOException {
        response.setStatus(status);
        if (!response.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        }
        write(new byte[0]);
    }

    /** Starts a body of {@code length} bytes that the caller sends with {@link #writeBody}. */
    public void startBody(int status, long length) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    }

    /**
     * A buffer of {@code size} bytes from the server's pool, in direct memory: a body sent from it
     * goes to the socket without the copy a heap array costs. The caller releases it once written.
     */
    public RetainableByteBuffer bodyBuffer(int size) {
        return response.getRequest().getComponents().getByteBufferPool().acquire(size, true);
    }

    /** Writes the next piece of a body begun with {@link #startBody}; returns once it is sent. */
    public void writeBody(ByteBuffer piece, boolean last) throws IOException {
        try (Blocker.Callback cb = Blocker.callback()) {
            response.write(last, piece, cb);
            cb.block();
        }
    }

    /** HEAD: headers as a GET would send, no body. */
    public void sendHeadersOnly(int status, long length) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        write(new byte[0]);
    }

    private void write(byte[] body) throws IOException {
        writeBody(ByteBuffer.wrap(body), true);
    }
}
