package org.mfsj.common.types;

/**
 * One directory entry. {@code cookie} resumes a listing right after this entry and stays valid
 * while the entry exists, whatever else is added or removed. {@code attr} is null unless asked for.
 */
public record DirEntry(String name, long inode, FileType type, long cookie, Attr attr) {
}
