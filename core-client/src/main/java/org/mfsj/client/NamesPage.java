package org.mfsj.client;

import org.mfsj.common.types.NameList;

/** One page of a listing by name only; pass the last entry's cookie to get the next page. */
public record NamesPage(NameList names, boolean eof) {
}
