package org.mfsj.client;

/**
 * What {@link MfsClient#lookupObject} found.
 *
 * @param attr   the entry's attributes (of whatever kind)
 * @param xattr  the asked-for extended attribute's value; null when the entry has none
 * @param handle the file opened for reading when that was asked and it is a regular file; else null
 */
public record ObjectLookup(org.mfsj.common.types.Attr attr, byte[] xattr, FileHandle handle) {
}
