package org.mfsj.s3.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Decodes an {@code aws-chunked} body: {@code hex-size[;chunk-signature=sig]\r\n data \r\n}
 * ... a zero-size chunk, then trailing headers and a blank line. With a {@link ChunkSigner}
 * every chunk signature (and the trailer signature, when trailers are signed) is verified as its
 * chunk ends; without one, signatures must be absent (the UNSIGNED-PAYLOAD-TRAILER form).
 * Data is passed on as it arrives: the caller keeps it aside until the stream ends cleanly.
 */
public final class ChunkedPayloadStream extends InputStream {
    private static final int MAX_LINE = 4096;
    private static final long MAX_CHUNK = 64L << 20;
    private static final int MAX_TRAILERS = 16;

    private final InputStream in;
    private final ChunkSigner signer;
    private final long decodedLength;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private final MessageDigest chunkHash = SigV4.sha256();
    private long remaining;
    private String chunkSignature;
    private long total;
    private boolean started;
    private boolean done;

    /**
     * @param signer        verifies chunk signatures; null for unsigned chunks
     * @param decodedLength x-amz-decoded-content-length, or -1 when not sent
     */
    public ChunkedPayloadStream(InputStream in, ChunkSigner signer, long decodedLength) {
        this.in = in;
        this.signer = signer;
        this.decodedLength = decodedLength;
    }

    /** Trailing headers (lower-case names); complete once the stream has returned -1. */
    public Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            if (started) {
                endChunk();
            }
            started = true;
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new S3Exception(S3Error.INCOMPLETE_BODY, "The body ended inside a chunk");
        }
        if (signer != null) {
            chunkHash.update(b, off, n);
        }
        remaining -= n;
        total += n;
        if (decodedLength >= 0 && total > decodedLength) {
            throw new S3Exception(S3Error.INVALID_REQUEST,
                    "The body holds more than x-amz-decoded-content-length (" + decodedLength + ") bytes");
        }
        return n;
    }

    private void endChunk() throws IOException {
        expectCrlf();
        verifyChunk();
    }

    private void verifyChunk() throws S3Exception {
        if (signer != null) {
            signer.verifyChunk(SigV4.hex(chunkHash.digest()), chunkSignature);
        }
    }

    /** Reads the next chunk header; false (and the trailers read) when it was the last one. */
    private boolean nextChunk() throws IOException {
        String line = readLine();
        int semi = line.indexOf(';');
        String sizeText = semi < 0 ? line : line.substring(0, semi);
        long size = parseSize(sizeText.strip());
        chunkSignature = null;
        if (semi >= 0) {
            String ext = line.substring(semi + 1).strip();
            if (!ext.startsWith("chunk-signature=")) {
                throw malformed("unknown chunk extension '" + ext + "'");
            }
            chunkSignature = ext.substring("chunk-signature=".length());
        }
        if (signer != null && chunkSignature == null) {
            throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, "A chunk of a signed streaming body lacks its signature");
        }
        if (size > 0) {
            remaining = size;
            return true;
        }
        verifyChunk();
        readTrailers();
        done = true;
        if (in.read() >= 0) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "Bytes follow the end of the aws-chunked body");
        }
        if (decodedLength >= 0 && total != decodedLength) {
            throw new S3Exception(S3Error.INCOMPLETE_BODY, "The body holds " + total
                    + " bytes but x-amz-decoded-content-length says " + decodedLength);
        }
        return false;
    }

    private void readTrailers() throws IOException {
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        for (String line = readLineOrEof(); line != null && !line.isEmpty(); line = readLineOrEof()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("bad trailer line");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("x-amz-trailer-signature")) {
                trailerSignature = value;
                continue;
            }
            if (trailers.size() >= MAX_TRAILERS) {
                throw malformed("too many trailers");
            }
            trailers.put(name, value);
            canonical.append(name).append(':').append(value).append('\n');
        }
        if (signer != null && !trailers.isEmpty()) {
            if (trailerSignature == null) {
                throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, "The signed trailer lacks its signature");
            }
            signer.verifyTrailer(SigV4.sha256Hex(canonical.toString()), trailerSignature);
        }
    }

    private static long parseSize(String hex) throws S3Exception {
        if (hex.isEmpty() || hex.length() > 12) {
            throw malformed("bad chunk size '" + hex + "'");
        }
        try {
            long v = Long.parseLong(hex, 16);
            if (v < 0 || v > MAX_CHUNK) {
                throw malformed("chunk of " + v + " bytes");
            }
            return v;
        } catch (NumberFormatException e) {
            throw malformed("bad chunk size '" + hex + "'");
        }
    }

    private void expectCrlf() throws IOException {
        if (in.read() != '\r' || in.read() != '\n') {
            throw malformed("a chunk does not end with CRLF (is the size right?)");
        }
    }

    private String readLine() throws IOException {
        String s = readLineOrEof();
        if (s == null) {
            throw new S3Exception(S3Error.INCOMPLETE_BODY, "The aws-chunked body ended early");
        }
        return s;
    }

    /** A CRLF-terminated line without its CRLF; null at a clean end of input. */
    private String readLineOrEof() throws IOException {
        byte[] buf = new byte[128];
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (n == 0) {
                    return null;
                }
                throw new S3Exception(S3Error.INCOMPLETE_BODY, "The aws-chunked body ended inside a line");
            }
            if (c == '\n') {
                if (n == 0 || buf[n - 1] != '\r') {
                    throw malformed("line not ended by CRLF");
                }
                return new String(buf, 0, n - 1, StandardCharsets.US_ASCII);
            }
            if (n == MAX_LINE) {
                throw malformed("line longer than " + MAX_LINE + " bytes");
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = (byte) c;
        }
    }

    private static S3Exception malformed(String why) {
        return new S3Exception(S3Error.INVALID_REQUEST, "Malformed aws-chunked body: " + why);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
