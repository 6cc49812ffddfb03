package org.mfsj.s3.op.object;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** HeadObject: GetObject's headers without its body. */
public final class HeadObject implements S3Operation {
    private final S3Store store;

    public HeadObject(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        ObjectRead.answer(store, x, null);
    }
}
