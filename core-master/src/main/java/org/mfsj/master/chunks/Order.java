package org.mfsj.master.chunks;

/** What the planner decided one server should do with one chunk; sending it is someone else's job. */
public sealed interface Order {
    long chunkId();

    /** Why a copy is to go. */
    enum Reason { STALE, OVERGOAL, UNREFERENCED }

    /** Copy {@code chunkId} at {@code version} from {@code source} onto {@code target}. */
    record Replicate(long chunkId, int version, StorageServer source, StorageServer target) implements Order {
    }

    /** Delete the copy on {@code server}; version 0 means whatever version it has. */
    record Delete(long chunkId, int version, StorageServer server, Reason reason) implements Order {
    }
}
