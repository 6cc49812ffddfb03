package org.mfsj.master.namespace;

import java.util.List;
import org.mfsj.common.types.DirEntry;

/** One page of a listing; {@code eof} says no entry follows the last one returned. */
public record ReadDirPage(List<DirEntry> entries, boolean eof) {
    public ReadDirPage {
        entries = List.copyOf(entries);
    }
}
