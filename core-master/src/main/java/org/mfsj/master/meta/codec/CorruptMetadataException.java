package org.mfsj.master.meta.codec;

import java.io.IOException;
import java.nio.file.Path;

/** A metadata file that cannot be trusted, named with the byte offset where reading failed. */
public final class CorruptMetadataException extends IOException {
    private final transient Path file;
    private final long offset;

    public CorruptMetadataException(Path file, long offset, String reason) {
        super(file + " at offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
