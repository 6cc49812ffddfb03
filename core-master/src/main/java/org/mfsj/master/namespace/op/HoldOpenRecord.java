package org.mfsj.master.namespace.op;

/**
 * {@code session} has {@code opens} more opens of file {@code inode} that keep it when its last
 * name goes: logged just before the removal of that name, and for each later open of a held file.
 */
public record HoldOpenRecord(long inode, long session, int opens) implements NamespaceRecord {
}
