package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The one seam through which the store opens chunk files (STYLE rule 10), so tests can make a
 * single disk fail without root privileges or a broken device.
 */
@FunctionalInterface
public interface ChannelOpener {
    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;

    /** Opens real files with {@link FileChannel#open(Path, Set, java.nio.file.attribute.FileAttribute[])}. */
    static ChannelOpener standard() {
        return (path, options) -> FileChannel.open(path, options);
    }
}
