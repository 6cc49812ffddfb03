package org.mfsj.master;

/** A started master, single or replicated, as its command drives it. */
interface RunningMaster extends AutoCloseable {
    /** Re-reads this master's exports file; on the leader it becomes the cluster's if it differs. */
    void reloadExports();
}
