package org.mfsj.master.namespace.tree;

/**
 * A name in a directory. The cookie is the directory's sequence number at the time the name was
 * linked: a listing resumes after it, whatever was added or removed since.
 */
public record Dentry(String name, long inode, long cookie) {
}
