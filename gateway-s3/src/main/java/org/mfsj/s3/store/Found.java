package org.mfsj.s3.store;

import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;

/**
 * An object found by {@link S3Store#find}: the file's attributes, its stored metadata (empty when
 * it has none), and the file open for reading when that was asked (else null).
 */
public record Found(Attr attr, ObjectMeta meta, FileHandle handle) implements AutoCloseable {
    @Override
    public void close() throws MfsException {
        if (handle != null) {
            handle.close();
        }
    }
}
