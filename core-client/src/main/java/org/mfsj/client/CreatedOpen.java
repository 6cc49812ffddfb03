package org.mfsj.client;

import org.mfsj.common.types.Attr;

/**
 * A file made and opened for writing ({@link MfsClient#createOpenWithDir}), with its directory's
 * attributes right after the create ({@code dir}; null when they could not be read).
 */
public record CreatedOpen(FileHandle file, Attr dir) {
}
