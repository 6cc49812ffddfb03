package org.mfsj.client;

import java.util.List;
import org.mfsj.common.types.DirEntry;

/** One page of a directory listing; pass the last entry's cookie to get the next page. */
public record DirPage(List<DirEntry> entries, boolean eof) {
    public DirPage {
        entries = List.copyOf(entries);
    }
}
