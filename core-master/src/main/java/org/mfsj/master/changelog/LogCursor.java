package org.mfsj.master.changelog;

import java.io.IOException;
import org.mfsj.master.meta.LogEntry;

/** Entries in version order; {@link #next} returns null at the end. */
public interface LogCursor extends AutoCloseable {
    LogEntry next() throws IOException;

    @Override
    void close() throws IOException;
}
