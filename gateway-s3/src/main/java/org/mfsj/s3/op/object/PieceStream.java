package org.mfsj.s3.op.object;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.mfsj.client.FileHandle;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;

/**
 * Sends a byte range of a file in pieces, with the next few pieces read while one is being sent:
 * the client gets its first bytes once the first piece is in, the chunkservers always have reads
 * to answer, and no more than {@link #DEPTH} pieces of an object are held however large it is.
 * Pieces are read into pooled direct buffers, which the socket takes without another copy and
 * which a GET neither allocates nor leaves to the collector.
 */
public final class PieceStream {
    /** One chunkserver read (core-client's read segment), so each piece is one request. */
    public static final int PIECE = 256 << 10;
    /** Pieces read ahead of the one being sent. */
    static final int DEPTH = 4;

    private final FileHandle file;
    private final Executor reads;
    private final S3Exchange x;
    private final ArrayDeque<Piece> ahead = new ArrayDeque<>();
    private long nextRead;
    private final long end;

    /** A buffer being filled, released once sent, or once its read ends if it will not be sent. */
    private record Piece(RetainableByteBuffer buffer, CompletableFuture<ByteBuffer> read) {
        void releaseWhenRead() {
            read.whenComplete((b, e) -> buffer.release());
        }
    }

    private PieceStream(FileHandle file, Executor reads, S3Exchange x, long first, long length) {
        this.file = file;
        this.reads = reads;
        this.x = x;
        this.nextRead = first;
        this.end = first + length;
    }

    /** Sends {@code length} bytes of {@code file} from {@code first} as the body begun on {@code x}. */
    static void send(FileHandle file, Executor reads, S3Exchange x, long first, long length) throws IOException {
        if (length == 0) {
            x.writeBody(ByteBuffer.allocate(0), true);
            return;
        }
        if (length <= PIECE) {
            RetainableByteBuffer b = x.bodyBuffer((int) length);
            try {
                x.writeBody(readPiece(file, b, first, (int) length), true);
            } finally {
                b.release();
            }
            return;
        }
        new PieceStream(file, reads, x, first, length).sendAll();
    }

    private void sendAll() throws IOException {
        try {
            fill();
            while (!ahead.isEmpty()) {
                Piece p = ahead.poll();
                try {
                    ByteBuffer data = take(p.read);
                    fill();
                    x.writeBody(data, ahead.isEmpty());
                } finally {
                    p.releaseWhenRead();
                }
            }
        } finally {
            // reads still running end on their own (the handle closes after us; they fail quietly),
            // and only then give their buffers back: a pooled buffer must not be filled once reused
            for (Piece p : ahead) {
                p.releaseWhenRead();
            }
            ahead.clear();
        }
    }

    private void fill() {
        while (ahead.size() < DEPTH && nextRead < end) {
            long at = nextRead;
            int len = (int) Math.min(PIECE, end - at);
            nextRead += len;
            RetainableByteBuffer b = x.bodyBuffer(len);
            ahead.add(new Piece(b, CompletableFuture.supplyAsync(() -> {
                try {
                    return readPiece(file, b, at, len);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, reads)));
        }
    }

    private static ByteBuffer take(CompletableFuture<ByteBuffer> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Fills {@code b} with {@code len} bytes from {@code at}; returns its bytes, ready to send. */
    private static ByteBuffer readPiece(FileHandle file, RetainableByteBuffer b, long at, int len)
            throws IOException {
        ByteBuffer buf = b.getByteBuffer();
        buf.clear().limit(len);
        while (buf.hasRemaining()) {
            int n = file.read(at + buf.position(), buf);
            if (n <= 0) {
                throw new S3Exception(S3Error.INTERNAL_ERROR, "The object shrank while it was being read");
            }
        }
        return buf.flip();
    }
}
