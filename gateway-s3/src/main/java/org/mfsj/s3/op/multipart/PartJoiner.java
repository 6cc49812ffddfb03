package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.BodyWriter;

/**
 * Writes the parts of an upload one after another into the object's file: where a part starts
 * on a chunk boundary and is whole chunks (or is the last part), its chunks are shared into the
 * file by one master call for the whole run of such parts, with no data moved; the other parts
 * are copied byte by byte. A client that cannot share chunks gets every part copied.
 */
final class PartJoiner {
    private static final long CHUNK = ChunkGeometry.CHUNK_SIZE;

    private final MfsClient client;
    private final Creds creds;
    private final FileHandle out;
    private final List<Uploads.Part> run = new ArrayList<>();
    private long runStart;
    private long offset;
    private long shared;

    private PartJoiner(MfsClient client, Creds creds, FileHandle out) {
        this.client = client;
        this.creds = creds;
        this.out = out;
    }

    /** Joins {@code parts} into {@code out}; returns how many bytes were shared rather than copied. */
    static long join(MfsClient client, Creds creds, List<Uploads.Part> parts, FileHandle out) throws IOException {
        PartJoiner j = new PartJoiner(client, creds, out);
        for (int i = 0; i < parts.size(); i++) {
            j.add(parts.get(i), i == parts.size() - 1);
        }
        j.flushRun();
        return j.shared;
    }

    private void add(Uploads.Part p, boolean last) throws IOException {
        long len = p.attr().length();
        if (len > 0 && offset % CHUNK == 0 && (len % CHUNK == 0 || last)) {
            if (run.isEmpty()) {
                runStart = offset;
            }
            run.add(p);
        } else {
            flushRun();
            copy(p, offset);
        }
        offset += len;
    }

    private void flushRun() throws IOException {
        if (run.isEmpty()) {
            return;
        }
        try {
            client.appendChunks(creds, out.inode(), run.stream().map(p -> p.attr().inode()).toList());
            shared += offset - runStart;
        } catch (MfsException e) {
            if (e.status() != Status.ENOTSUP) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_UPLOAD);
            }
            long at = runStart;
            for (Uploads.Part p : run) {
                copy(p, at);
                at += p.attr().length();
            }
        }
        run.clear();
    }

    private void copy(Uploads.Part p, long at) throws IOException {
        try (FileHandle in = client.open(creds, p.attr().inode(), false)) {
            BodyWriter.Written w = BodyWriter.copy(in, 0, p.attr().length(), out, at, null);
            if (w.length() != p.attr().length()) {
                throw new S3Exception(S3Error.INVALID_PART, "Part " + p.number() + " changed while being joined");
            }
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_UPLOAD);
        }
    }
}
