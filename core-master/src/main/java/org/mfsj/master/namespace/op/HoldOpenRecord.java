package org.mfsj.master.namespace.op;

import org.mfsj.master.meta.Prelude;

/**
 * {@code session} has {@code opens} more opens of file {@code inode} that keep it when its last
 * name goes: logged just before the removal of that name (a {@link Prelude} of the unlink, rename or
 * publish that removes it), and for each later open of a held file (no call is answered from it).
 */
public record HoldOpenRecord(long inode, long session, int opens) implements NamespaceRecord, Prelude {
}
