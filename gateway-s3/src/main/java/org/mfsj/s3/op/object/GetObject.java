package org.mfsj.s3.op.object;

import java.io.IOException;
import java.util.concurrent.Executor;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** GetObject: the bytes (or a range, or one part), streamed from the file. */
public final class GetObject implements S3Operation {
    private final S3Store store;
    private final Executor reads;

    /** {@code reads} runs the chunkserver reads ahead of what is being sent. */
    public GetObject(S3Store store, Executor reads) {
        this.store = store;
        this.reads = reads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        ObjectRead.answer(store, x, reads);
    }
}
