package org.mfsj.master.namespace;

import org.mfsj.common.types.NameList;

/** One page of a listing by name only; {@code eof} says no entry follows the last one returned. */
public record ReadDirNamesPage(NameList names, boolean eof) {
}
