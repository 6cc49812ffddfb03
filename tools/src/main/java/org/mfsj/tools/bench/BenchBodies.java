package org.mfsj.tools.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The load generator's request and response bodies, made as cheap for it as it can: a PUT sends one
 * shared pattern array again and again (no bytes made or copied per request), a GET's body is counted
 * as the client hands it over and dropped (no copy into a stream's arrays). The generator shares two
 * cores with the servers it measures, so what it spends per byte is taken from them: reading a GET
 * through an InputStream cost it four times the gateway's CPU per MiB (session 12).
 */
final class BenchBodies {
    /** 256 KiB of a readable pattern; every object body is made of it. */
    private static final byte[] PATTERN = pattern(256 << 10);

    private BenchBodies() {
    }

    private static byte[] pattern(int size) {
        byte[] unit = "MooseFS/J S3 bench ".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = unit[i % unit.length];
        }
        return b;
    }

    /** A body of {@code size} pattern bytes with its Content-Length. */
    static HttpRequest.BodyPublisher pattern(long size) {
        if (size <= PATTERN.length) {
            return HttpRequest.BodyPublishers.ofByteArray(PATTERN, 0, (int) size);
        }
        long whole = size / PATTERN.length;
        int rest = (int) (size % PATTERN.length);
        List<byte[]> pieces = new ArrayList<>(Collections.nCopies((int) whole, PATTERN));
        if (rest > 0) {
            pieces.add(Arrays.copyOf(PATTERN, rest));
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(pieces), size);
    }

    /** A response body that is only counted: its value is the number of bytes received. */
    static HttpResponse.BodyHandler<Long> counted() {
        return info -> HttpResponse.BodySubscribers.fromSubscriber(new Counter(), Counter::bytes);
    }

    private static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
        private long bytes;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                bytes += b.remaining();
            }
        }

        @Override
        public void onError(Throwable t) {
            // the client completes the response exceptionally itself
        }

        @Override
        public void onComplete() {
            // the count is read once the body is complete
        }

        long bytes() {
            return bytes;
        }
    }
}
