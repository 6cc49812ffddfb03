package org.mfsj.master.chunks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.ServerReport;

/**
 * One registration of a chunkserver, as the chunk logic sees it: identity, data address, space
 * and the chunk ids it holds. It knows nothing of the connection, so the planner and the
 * placement can be tested with plain objects. A server that registers again gets a new instance;
 * copies are tied to the instance, so a replaced registration can never be mistaken for the new.
 */
public final class StorageServer {
    private final long id;
    private final ServerAddress dataAddress;
    private final Set<Long> chunkIds = new HashSet<>();
    private List<DiskReport> disks;
    /** Sums over the working disks, kept with each report: placement reads them per candidate. */
    private long usedBytes;
    private long totalBytes;
    private boolean connected = true;
    private boolean registered;
    /** Chunks placed here since the last space report, which does not show them yet. */
    private int createdSinceReport;

    public StorageServer(long id, ServerAddress dataAddress, List<DiskReport> disks) {
        this.id = id;
        this.dataAddress = dataAddress;
        setDisks(disks);
    }

    private void setDisks(List<DiskReport> fresh) {
        disks = List.copyOf(fresh);
        long used = 0;
        long total = 0;
        for (DiskReport d : disks) {
            if (!d.failed()) {
                used += d.usedBytes();
                total += d.totalBytes();
            }
        }
        usedBytes = used;
        totalBytes = total;
    }

    public long id() {
        return id;
    }

    public ServerAddress dataAddress() {
        return dataAddress;
    }

    public List<DiskReport> disks() {
        return disks;
    }

    /** A heartbeat: fresh space figures, which now include every chunk created before it. */
    public void updateDisks(List<DiskReport> fresh) {
        setDisks(fresh);
        createdSinceReport = 0;
    }

    public boolean connected() {
        return connected;
    }

    public void markDisconnected() {
        connected = false;
    }

    /** True once the server has reported all its chunks; only then may it receive new copies. */
    public boolean registered() {
        return registered;
    }

    public void markRegistered() {
        registered = true;
    }

    /** Connected and fully reported: may take part in allocation and replication. */
    public boolean usable() {
        return connected && registered;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long freeBytes() {
        return Math.max(0, totalBytes() - usedBytes());
    }

    /**
     * Free space minus a full chunk for each chunk placed since the last report, so a burst of
     * creations spreads over servers instead of piling onto the one that looked emptiest.
     */
    public long effectiveFreeBytes() {
        return freeBytes() - (long) createdSinceReport * ChunkGeometry.CHUNK_SIZE;
    }

    public void notePlacement() {
        createdSinceReport++;
    }

    public int placementsSinceReport() {
        return createdSinceReport;
    }

    /** Fraction of space used, 0..1; a server with no space reported counts as full. */
    public double usage() {
        long total = totalBytes();
        return total <= 0 ? 1.0 : (double) usedBytes() / total;
    }

    public int chunkCount() {
        return chunkIds.size();
    }

    boolean holds(long chunkId) {
        return chunkIds.contains(chunkId);
    }

    void addChunk(long chunkId) {
        chunkIds.add(chunkId);
    }

    void removeChunk(long chunkId) {
        chunkIds.remove(chunkId);
    }

    Set<Long> chunkIds() {
        return chunkIds;
    }

    /**
     * The server for status tools. "Connected" there means usable: a server still reporting its
     * chunks cannot take new ones yet, and readiness checks must not count it as up.
     */
    public ServerReport report() {
        return new ServerReport(id, dataAddress, usable(), chunkIds.size(), disks);
    }

    @Override
    public String toString() {
        return "cs#" + id + "@" + dataAddress;
    }
}
