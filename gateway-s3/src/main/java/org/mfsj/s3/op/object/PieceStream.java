package org.mfsj.s3.op.object;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.mfsj.client.FileHandle;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Sends a byte range of a file in pieces, with the next few pieces read while one is being sent:
 * the client gets its first bytes once the first piece is in, the chunkservers always have reads
 * to answer, and no more than {@link #DEPTH} pieces of an object are held however large it is.
 */
final class PieceStream {
    /** One chunkserver read (core-client's read segment), so each piece is one request. */
    static final int PIECE = 256 << 10;
    /** Pieces read ahead of the one being sent. */
    static final int DEPTH = 4;

    private final FileHandle file;
    private final Executor reads;
    private final ArrayDeque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
    private long nextRead;
    private final long end;

    private PieceStream(FileHandle file, Executor reads, long first, long length) {
        this.file = file;
        this.reads = reads;
        this.nextRead = first;
        this.end = first + length;
    }

    /** Writes {@code length} bytes of {@code file} from {@code first} to {@code out}. */
    static void send(FileHandle file, Executor reads, long first, long length, OutputStream out) throws IOException {
        if (length <= PIECE) {
            byte[] piece = readPiece(file, first, (int) length);
            out.write(piece);
            return;
        }
        new PieceStream(file, reads, first, length).sendAll(out);
    }

    private void sendAll(OutputStream out) throws IOException {
        try {
            fill();
            while (!ahead.isEmpty()) {
                byte[] piece = take(ahead.poll());
                fill();
                out.write(piece);
            }
        } finally {
            // reads still running end on their own (the handle closes after us; they fail quietly)
            ahead.clear();
        }
    }

    private void fill() {
        while (ahead.size() < DEPTH && nextRead < end) {
            long at = nextRead;
            int len = (int) Math.min(PIECE, end - at);
            nextRead += len;
            ahead.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return readPiece(file, at, len);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, reads));
        }
    }

    private static byte[] take(CompletableFuture<byte[]> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static byte[] readPiece(FileHandle file, long at, int len) throws IOException {
        byte[] buf = new byte[len];
        int done = 0;
        while (done < len) {
            int n = file.read(at + done, buf, done, len - done);
            if (n <= 0) {
                throw new S3Exception(S3Error.INTERNAL_ERROR, "The object shrank while it was being read");
            }
            done += n;
        }
        return buf;
    }
}
