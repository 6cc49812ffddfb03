package org.mfsj.master.chunks;

/** One copy of a chunk on one server registration, with the version that server holds. */
public final class Replica {
    private final StorageServer server;
    private int version;

    Replica(StorageServer server, int version) {
        this.server = server;
        this.version = version;
    }

    public StorageServer server() {
        return server;
    }

    public int version() {
        return version;
    }

    void setVersion(int version) {
        this.version = version;
    }
}
