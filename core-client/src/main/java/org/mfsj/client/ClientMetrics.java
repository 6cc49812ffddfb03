package org.mfsj.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one client session, for the doors' status pages and for tests. Each instance belongs
 * to one {@link MfsClient}; nothing here is global. Cheap to bump from any thread.
 */
public final class ClientMetrics {
    private final LongAdder masterCalls = new LongAdder();
    /** By request message name: which calls an operation costs (the mount logs them at unmount). */
    private final Map<String, LongAdder> masterCallsByType = new ConcurrentHashMap<>();
    /** By request message name: nanoseconds from sending to having the answer, summed. */
    private final Map<String, LongAdder> masterNanosByType = new ConcurrentHashMap<>();
    private final LongAdder masterRetries = new LongAdder();
    private final LongAdder masterReconnects = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder bytesAcked = new LongAdder();
    private final LongAdder chunkReads = new LongAdder();
    private final LongAdder replicaFailovers = new LongAdder();
    private final LongAdder locationLookups = new LongAdder();
    private final LongAdder readAheadBytes = new LongAdder();
    private final LongAdder writeSessions = new LongAdder();
    private final LongAdder writeRedos = new LongAdder();
    private final LongAdder followerReads = new LongAdder();
    private final LongAdder followerFallbacks = new LongAdder();

    /** A read-only metadata call a follower master answered (master HA). */
    public void followerRead() {
        followerReads.increment();
    }

    /** A read-only call meant for a follower that the leader answered instead (no follower, or it lagged). */
    public void followerFallback() {
        followerFallbacks.increment();
    }

    public long followerReads() {
        return followerReads.sum();
    }

    public long followerFallbacks() {
        return followerFallbacks.sum();
    }

    public void masterCall() {
        masterCalls.increment();
    }

    /** A request of type {@code type} (its message's name) sent to the master, retries included. */
    public void masterCall(String type) {
        masterCallsByType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    /** A request of type {@code type} was answered {@code nanos} after it was handed to the connection. */
    public void masterAnswered(String type, long nanos) {
        masterNanosByType.computeIfAbsent(type, t -> new LongAdder()).add(nanos);
    }

    /**
     * Mean microseconds from sending to having the answer, by message name, in name order: the
     * client's side of each request's round trip (the master's service time included).
     */
    public Map<String, Long> masterMeanMicrosByType() {
        Map<String, Long> out = new TreeMap<>();
        masterNanosByType.forEach((k, v) -> {
            LongAdder calls = masterCallsByType.get(k);
            long n = calls == null ? 0 : calls.sum();
            out.put(k, n == 0 ? 0 : v.sum() / n / 1000);
        });
        return out;
    }

    /** Requests sent to the master by message name, in name order. */
    public Map<String, Long> masterCallsByType() {
        Map<String, Long> out = new TreeMap<>();
        masterCallsByType.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void masterRetry() {
        masterRetries.increment();
    }

    public void masterReconnect() {
        masterReconnects.increment();
    }

    public void read(long bytes) {
        bytesRead.add(bytes);
    }

    public void written(long bytes) {
        bytesWritten.add(bytes);
    }

    public void acked(long bytes) {
        bytesAcked.add(bytes);
    }

    public void chunkRead() {
        chunkReads.increment();
    }

    public void replicaFailover() {
        replicaFailovers.increment();
    }

    public void locationLookup() {
        locationLookups.increment();
    }

    public void readAhead(long bytes) {
        readAheadBytes.add(bytes);
    }

    public void writeSession() {
        writeSessions.increment();
    }

    public void writeRedo() {
        writeRedos.increment();
    }

    /** Requests sent to the master, retries included. */
    public long masterCalls() {
        return masterCalls.sum();
    }

    /** Master requests sent again because the connection dropped or stayed silent. */
    public long masterRetries() {
        return masterRetries.sum();
    }

    /** Times the master link was re-established after a loss. */
    public long masterReconnects() {
        return masterReconnects.sum();
    }

    /** Bytes handed to applications by {@link FileHandle#read}. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** Bytes accepted from applications by {@link FileHandle#write}. */
    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Bytes acknowledged by a whole chain (redone writes count again). */
    public long bytesAcked() {
        return bytesAcked.sum();
    }

    /** ReadBlocks requests sent to chunkservers. */
    public long chunkReads() {
        return chunkReads.sum();
    }

    /** Reads that moved on to another copy after one failed. */
    public long replicaFailovers() {
        return replicaFailovers.sum();
    }

    /** ReadChunk requests: chunk-location cache misses. */
    public long locationLookups() {
        return locationLookups.sum();
    }

    /** Bytes fetched ahead of the application by sequential read detection. */
    public long readAheadBytes() {
        return readAheadBytes.sum();
    }

    /** Chunk write sessions opened (each one bumps the chunk version on its chain). */
    public long writeSessions() {
        return writeSessions.sum();
    }

    /** Chunk writes redone on a new chain after a chain failure. */
    public long writeRedos() {
        return writeRedos.sum();
    }

    @Override
    public String toString() {
        return "ClientMetrics[masterCalls=" + masterCalls() + " masterRetries=" + masterRetries()
                + " reconnects=" + masterReconnects() + " read=" + bytesRead() + " written=" + bytesWritten()
                + " acked=" + bytesAcked() + " chunkReads=" + chunkReads() + " failovers=" + replicaFailovers()
                + " lookups=" + locationLookups() + " readAhead=" + readAheadBytes()
                + " writeSessions=" + writeSessions() + " redos=" + writeRedos() + "]";
    }
}
