package org.mfsj.master.namespace.tree;

/**
 * Told when a watched directory gains or loses a name, on the master thread, as the change is
 * applied (live or replayed: a follower watches nothing). Set on the directory by whoever holds
 * leases on its names; not part of the metadata.
 */
@FunctionalInterface
public interface DirWatch {
    void namesChanged(DirNode dir);
}
