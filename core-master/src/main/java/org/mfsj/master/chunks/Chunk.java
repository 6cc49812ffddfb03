package org.mfsj.master.chunks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A chunk as the master knows it: the current version, how many copies are wanted and where the
 * copies are. A copy is valid when it holds the current version; any other version is stale
 * (it missed a write). Goal 0 means no file references the chunk, so every copy is to go.
 */
public final class Chunk {
    private final long id;
    private final List<Replica> replicas = new ArrayList<>(3);
    private int version;
    /** Highest version ever handed out, so a failed bump never lets a version be issued twice. */
    private int issued;
    private int goal;
    /** File slots naming this chunk: more than one after a snapshot, until a write copies it. */
    private int refs;

    Chunk(long id, int version, int goal) {
        this.id = id;
        this.version = version;
        this.issued = version;
        this.goal = goal;
        this.refs = goal > 0 ? 1 : 0;
    }

    public long id() {
        return id;
    }

    public int version() {
        return version;
    }

    void setVersion(int version) {
        this.version = version;
        if (Integer.compareUnsigned(version, issued) > 0) {
            issued = version;
        }
    }

    /** The highest version ever handed out for this chunk. */
    public int issued() {
        return issued;
    }

    void restoreVersions(int version, int issued) {
        this.version = version;
        this.issued = Integer.compareUnsigned(issued, version) > 0 ? issued : version;
    }

    /**
     * A version no copy can hold yet. A server that answered a bump too late may already sit at
     * the last one handed out; reusing it would make that copy look valid with the wrong data.
     */
    public int nextVersion() {
        issued = issued == -1 ? 1 : issued + 1;
        return issued;
    }

    public int goal() {
        return goal;
    }

    void setGoal(int goal) {
        this.goal = goal;
    }

    /** How many file slots name this chunk; a write to a chunk with more than one must copy it first. */
    public int refs() {
        return refs;
    }

    void setRefs(int refs) {
        this.refs = refs;
    }

    public boolean referenced() {
        return goal > 0;
    }

    /**
     * Whether the chunk loop has nothing to do here: a referenced chunk with exactly its goal of
     * copies, all valid; or one with no valid copy left, which no order can help until a copy
     * is reported again.
     */
    boolean settled() {
        if (goal <= 0) {
            return false;
        }
        int valid = validCount();
        return valid == 0 || valid == goal && replicas.size() == goal;
    }

    public List<Replica> replicas() {
        return Collections.unmodifiableList(replicas);
    }

    public List<Replica> validReplicas() {
        return replicas.stream().filter(r -> r.version() == version).toList();
    }

    public int validCount() {
        int n = 0;
        for (Replica r : replicas) {
            if (r.version() == version) {
                n++;
            }
        }
        return n;
    }

    public boolean isValid(Replica r) {
        return r.version() == version;
    }

    public Optional<Replica> replicaOn(StorageServer server) {
        return replicas.stream().filter(r -> r.server() == server).findFirst();
    }

    /** Whether this registration of a server holds any copy, valid or not. */
    public boolean hasCopyOn(StorageServer server) {
        return replicaOn(server).isPresent();
    }

    List<Replica> mutableReplicas() {
        return replicas;
    }

    @Override
    public String toString() {
        return "chunk " + ChunkIds.hex(id) + " v" + version + " goal " + goal + " copies " + replicas.size();
    }
}
